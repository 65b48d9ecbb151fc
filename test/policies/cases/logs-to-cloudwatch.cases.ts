import { chainNames, compliantStack, phases, types } from "../../helpers/aws-fixtures";
import { StackFixture, unknownValue, urnOf } from "../../helpers/engine-resources";
import type { PolicyCases } from "../../helpers/policy-tester";

const names = chainNames();
const trailUrn = urnOf(types.trail, names.trail);

export const logsToCloudWatchCases: PolicyCases = {
  valid: [
    ...phases.map((phase) => ({ name: `compliant chain, ${phase.phase} ${phase.previewActions ?? ""}`, stack: () => compliantStack(phase) })),
    { name: "no trail at all: nothing to check", stack: () => new StackFixture() },
    { name: "monitoring-only stack (no trail)", stack: () => compliantStack({ withTrail: false }) },
    {
      name: "enableLogging absent takes the provider default (true)",
      stack: () => compliantStack().patch(names.trail, { enableLogging: null }),
    },
    {
      name: "log group ARN and role ARN unknown at preview count as set",
      stack: () => compliantStack().patch(names.trail, { cloudWatchLogsGroupArn: unknownValue.string, cloudWatchLogsRoleArn: unknownValue.string }),
    },
  ],
  invalid: [
    {
      name: "trail without cloudWatchLogsGroupArn",
      stack: () => compliantStack().patch(names.trail, { cloudWatchLogsGroupArn: null }),
      violations: [{ urn: trailUrn, includes: ['Trail "trail"', "`cloudWatchLogsGroupArn` is not set", "cloudWatchLogsGroupArn: pulumi.interpolate"] }],
    },
    {
      name: "deployed state empties read as unset (both ARNs)",
      stack: () => compliantStack().patch(names.trail, { cloudWatchLogsGroupArn: "", cloudWatchLogsRoleArn: "" }),
      violations: [{ urn: trailUrn, includes: ["`cloudWatchLogsGroupArn` is not set", "`cloudWatchLogsRoleArn` is not set"] }],
    },
    {
      name: "trail without role",
      stack: () => compliantStack({ phase: "preview" }).patch(names.trail, { cloudWatchLogsRoleArn: null }),
      violations: [{ urn: trailUrn, includes: ["`cloudWatchLogsRoleArn` is not set"] }],
    },
    {
      name: "logging turned off",
      stack: () => compliantStack().patch(names.trail, { enableLogging: false }),
      violations: [{ urn: trailUrn, includes: ["logging is turned off", "enableLogging: true"] }],
    },
    {
      name: "enableLogging unknown at preview can't be verified",
      stack: () => compliantStack({ phase: "preview" }).patch(names.trail, { enableLogging: unknownValue.bool }),
      violations: [{ urn: trailUrn, includes: ["`enableLogging` is not known at preview"] }],
    },
    {
      name: "several trails: only the broken one is reported",
      stack: () =>
        compliantStack()
          .add(types.trail, "second-trail", { name: "second", s3BucketName: "b", cloudWatchLogsGroupArn: "", cloudWatchLogsRoleArn: "", enableLogging: true, region: "us-east-1" }),
      violations: [{ urn: urnOf(types.trail, "second-trail"), includes: ['Trail "second-trail"', "`cloudWatchLogsGroupArn` is not set"] }],
    },
  ],
};
