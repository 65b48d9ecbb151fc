/**
 * A chain's trail and the IAM role it delivers to CloudWatch Logs with, in either provider's dialect, with the
 * event selectors a plan asks for (CloudTrail API reference, EventSelector and AdvancedEventSelector).
 */
import { account, type StackContext } from "./stack-builder";
import { optional, type ChainNames, type Dialect, type Props } from "./dialects";
import type { TrailPlan } from "./stack-plan";

function trailSelectors(selectors: TrailPlan["selectors"]): Props {
  switch (selectors) {
    case "none":
      return {};
    case "all":
      return { eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }] };
    case "readOnly":
      return { eventSelectors: [{ readWriteType: "ReadOnly", includeManagementEvents: true }] };
    case "noManagement":
      return {
        eventSelectors: [
          {
            readWriteType: "All",
            includeManagementEvents: false,
            dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }],
          },
        ],
      };
    case "excludeCloudTrail":
      return {
        eventSelectors: [
          {
            readWriteType: "All",
            includeManagementEvents: true,
            excludeManagementEventSources: ["cloudtrail.amazonaws.com"],
          },
        ],
      };
    case "advancedData":
      return {
        advancedEventSelectors: [
          {
            name: "data",
            fieldSelectors: [
              { field: "eventCategory", equals: ["Data"] },
              { field: "resources.type", equals: ["AWS::S3::Object"] },
            ],
          },
        ],
      };
    case "advancedManagement":
      return {
        advancedEventSelectors: [
          {
            name: "writes",
            fieldSelectors: [
              { field: "eventCategory", equals: ["Management"] },
              { field: "readOnly", equals: ["false"] },
            ],
          },
        ],
      };
  }
}

export function buildTrail(
  context: StackContext,
  dialect: Dialect,
  trail: TrailPlan,
  c: ChainNames & { logGroupUrn: string; logGroupArn: string; region: string },
): void {
  const roleName = `trail-role-${context.mark()}`;
  const roleArn = `arn:aws:iam::${account}:role/${roleName}`;
  const roleUrn = context.add(
    dialect.types.role,
    c.name("role"),
    {
      [dialect.classic ? "name" : "roleName"]: roleName,
      arn: context.computed(roleArn),
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "sts:AssumeRole" }],
      }),
    },
    c.on,
  );
  const groupArnKey = dialect.classic ? "cloudWatchLogsGroupArn" : "cloudWatchLogsLogGroupArn";
  const groupArn = `${c.logGroupArn}:*`;
  const delivery: Props =
    trail.delivers === "group"
      ? { [groupArnKey]: context.computed(groupArn), cloudWatchLogsRoleArn: context.computed(roleArn) }
      : trail.delivers === "external"
        ? {
            [groupArnKey]: `arn:aws:logs:${c.region}:${account}:log-group:external-${context.mark()}:*`,
            cloudWatchLogsRoleArn: roleArn,
          }
        : context.deployedEmpty(dialect.classic ? { [groupArnKey]: "", cloudWatchLogsRoleArn: "" } : {});
  const trailName = `trail-${context.mark()}`;
  context.add(
    dialect.types.trail,
    c.name("trail"),
    {
      [dialect.classic ? "name" : "trailName"]: trailName,
      arn: context.computed(`arn:aws:cloudtrail:${c.region}:${account}:trail/${trailName}`),
      s3BucketName: `audit-${context.mark()}`,
      ...delivery,
      ...optional(dialect.classic ? "enableLogging" : "isLogging", trail.logging),
      ...optional("isMultiRegionTrail", trail.multiRegion),
      ...optional("includeGlobalServiceEvents", trail.globalEvents),
      ...trailSelectors(trail.selectors),
      ...c.regionProp,
      ...(dialect.classic
        ? context.deployedEmpty({
            homeRegion: c.region,
            isOrganizationTrail: false,
            kmsKeyId: "",
            snsTopicName: "",
            insightSelectors: [],
            tagsAll: {},
          })
        : {}),
    },
    {
      ...c.on,
      propertyDependencies:
        trail.delivers === "group" ? { [groupArnKey]: [c.logGroupUrn], cloudWatchLogsRoleArn: [roleUrn] } : {},
    },
  );
}
