/**
 * Rules that hold for the whole pack: metadata, config schemas, "never throws" (the SDK would turn an
 * UnknownValueError into an advisory "can't run policy" diagnostic), "nothing to check", and no secrets in
 * messages.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { createPolicies, definitions, packName, policies } from "../../policies";
import { compliantStack, secrets, types } from "../helpers/aws-fixtures";
import { StackFixture, UnknownValueError, runPolicy, unknownValue, type Reported } from "../helpers/engine-resources";
import { messageIdsOf } from "../helpers/findings";
import { runRow, type ValidCase } from "../helpers/policy-tester";
import { alarmCases } from "./cases/alarm.cases";
import {
  alarmApplicabilityCases,
  logsApplicabilityCases,
  metricFilterApplicabilityCases,
  snsApplicabilityCases,
} from "./cases/applicability.cases";
import { auditTrailCases } from "./cases/audit-trail.cases";
import { filterVisibilityCases } from "./cases/filter-visibility.cases";
import { logsToCloudWatchCases } from "./cases/logs-to-cloudwatch.cases";
import { metricFilterCases } from "./cases/metric-filter.cases";
import { metricSeriesCases } from "./cases/metric-series.cases";
import { notificationRoutingCases } from "./cases/notification-routing.cases";
import { snsCases } from "./cases/sns.cases";
import { topicDeliveryCases } from "./cases/topic-delivery.cases";

const allCases: readonly ValidCase[] = [
  logsToCloudWatchCases,
  auditTrailCases,
  metricFilterCases,
  filterVisibilityCases,
  alarmCases,
  metricSeriesCases,
  snsCases,
  topicDeliveryCases,
  notificationRoutingCases,
  logsApplicabilityCases,
  metricFilterApplicabilityCases,
  alarmApplicabilityCases,
  snsApplicabilityCases,
].flatMap((cases) => [...cases.valid, ...cases.invalid]);

/** Every modelled type with every property an unknown of each kind, and nested unknowns. */
function everythingUnknown(sentinel: string): StackFixture {
  const fixture = new StackFixture().provider("mystery", { region: unknownValue.string });
  const props = {
    name: sentinel,
    arn: sentinel,
    region: sentinel,
    cloudWatchLogsGroupArn: sentinel,
    cloudWatchLogsRoleArn: sentinel,
    enableLogging: sentinel,
    logGroupName: sentinel,
    pattern: sentinel,
    metricTransformation: sentinel,
    metricName: sentinel,
    namespace: sentinel,
    statistic: sentinel,
    extendedStatistic: sentinel,
    period: sentinel,
    threshold: sentinel,
    comparisonOperator: sentinel,
    evaluationPeriods: sentinel,
    datapointsToAlarm: sentinel,
    treatMissingData: sentinel,
    actionsEnabled: sentinel,
    alarmActions: sentinel,
    dimensions: sentinel,
    unit: sentinel,
    thresholdMetricId: sentinel,
    metricQueries: sentinel,
    topic: sentinel,
    protocol: sentinel,
  };
  for (const type of Object.values(types))
    fixture.add(type, `${type.split(":").pop()}-u`, props, { provider: "mystery" });
  fixture.add(types.metricFilter, "nested-unknowns", {
    logGroupName: "g",
    pattern: "{ $.eventName = CreateTrail }",
    metricTransformation: { name: sentinel, namespace: sentinel, value: sentinel, dimensions: { k: sentinel } },
  });
  fixture.add(types.alarm, "nested-alarm", {
    metricName: "CloudTrailChanges",
    namespace: "CloudTrailMetrics",
    alarmActions: ["arn:aws:sns:us-east-1:1:t", sentinel],
    dimensions: { k: sentinel },
    metricQueries: [{ id: "m", metric: sentinel }, sentinel],
  });
  return fixture;
}

const hostile = Object.values(unknownValue).map((sentinel) => ({
  name: `everything unknown (${sentinel})`,
  stack: () => everythingUnknown(sentinel),
}));

async function runAll(policy: StackValidationPolicy, row: ValidCase): Promise<Reported[]> {
  return runPolicy(policy, row.stack(), row.config ?? {});
}

describe("the pack", () => {
  it("exports the pack name, the four CloudTrail-changes policies, then one policy per other CIS control in CIS order", () => {
    expect(packName).toBe("cloudtrail-changes-monitoring");
    expect(policies.map((policy) => policy.name)).toEqual([
      "cloudtrail-logs-to-cloudwatch",
      "cloudtrail-changes-metric-filter",
      "cloudtrail-changes-alarm",
      "cloudtrail-changes-alarm-sns",
      // CIS AWS Foundations v1.4.0-v5.0.0 4.1-4.4 and 4.6-4.15 (4.5 is CloudTrail changes, above).
      "unauthorized-api-calls-monitored",
      "console-signin-without-mfa-monitored",
      "root-account-usage-monitored",
      "iam-policy-changes-monitored",
      "console-authentication-failures-monitored",
      "kms-key-disable-or-deletion-monitored",
      "s3-bucket-policy-changes-monitored",
      "aws-config-changes-monitored",
      "security-group-changes-monitored",
      "network-acl-changes-monitored",
      "network-gateway-changes-monitored",
      "route-table-changes-monitored",
      "vpc-changes-monitored",
      "organizations-changes-monitored",
    ]);
  });

  // Each row names a policy by its place; the policy itself is made before each test, not when the file is read:
  // Stryker credits a mutant to the tests during which its code ran (beforeEach runs inside its test), and the
  // metadata toStackPolicy computes for the exported `policies` at import is credited to no test.
  describe.each(policies.slice(0, 4).map((policy, index) => [policy.name, index] as const))(
    "%s metadata",
    (_name, index) => {
      let policy: StackValidationPolicy;
      beforeEach(() => {
        policy = createPolicies()[index];
      });
      it("is mandatory, medium severity, with CIS framework, url, every framework reference in tags, and remediation", () => {
        expect(policy.enforcementLevel).toBe("mandatory");
        expect(policy.severity).toBe("medium");
        expect(policy.framework).toEqual(
          expect.objectContaining({
            name: "CIS AWS Foundations Benchmark",
            reference: "4.5",
            specification: "Ensure CloudTrail configuration changes are monitored",
          }),
        );
        expect(policy.url).toBe(
          "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-5",
        );
        // CIS v1.2 3.5, v1.4-v5 4.5, v6-v7 5.5, Security Hub CloudWatch.5 (the Security Hub user guide's control page).
        expect(policy.tags).toEqual(
          expect.arrayContaining([
            "cis-aws-foundations-4.5",
            "cis-aws-foundations-v1.2-3.5",
            "cis-aws-foundations-v1.4-to-v5-4.5",
            "cis-aws-foundations-v6-to-v7-5.5",
            "security-hub-cloudwatch-5",
            "conformity-cloudwatch-alarm-for-cloudtrail-changes",
          ]),
        );
        expect(policy.remediationSteps).toContain("Cloud Conformity");
        expect(policy.displayName).toBeTruthy();
      });
      it("has a one-sentence description", () => {
        expect(policy.description).toMatch(/^[A-Z][^\n]*\.$/);
        expect(policy.description.split(". ").length).toBe(1);
      });
      it("declares type, default and description for every config property, and never enforcementLevel", () => {
        const properties = policy.configSchema?.properties ?? {};
        expect(Object.keys(properties)).not.toContain("enforcementLevel");
        expect(policy.configSchema?.required ?? []).not.toContain("enforcementLevel");
        for (const property of Object.values(properties)) {
          expect(property).toEqual(
            expect.objectContaining({ type: expect.any(String), description: expect.any(String) }),
          );
          expect(property).toHaveProperty("default");
        }
      });
    },
  );

  describe.each(policies.slice(4).map((policy, index) => [policy.name, 4 + index] as const))(
    "%s metadata",
    (_name, index) => {
      let policy: StackValidationPolicy;
      beforeEach(() => {
        policy = createPolicies()[index];
      });
      it("is disabled by default, medium severity, with its own CIS reference in framework and tags", () => {
        expect(policy.enforcementLevel).toBe("disabled");
        expect(policy.severity).toBe("medium");
        expect(policy.framework?.name).toBe("CIS AWS Foundations Benchmark");
        expect(policy.framework?.reference).toMatch(/^4\.(1[0-5]?|[2-9])$/);
        expect(policy.tags).toEqual(
          expect.arrayContaining([`cis-aws-foundations-v1.4-to-v5-${policy.framework?.reference}`]),
        );
        expect(policy.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/securityhub\//);
        expect(policy.remediationSteps).toContain(`CIS AWS Foundations ${policy.framework?.reference}`);
      });
    },
  );

  it("names in a kebab-case that the engine accepts", () => {
    for (const policy of policies) expect(policy.name).toMatch(/^[a-z][\da-z-]+[\da-z]$/);
  });

  describe("never throws (an UnknownValueError would become an advisory 'can't run policy')", () => {
    const rows = [...allCases, ...hostile];
    it.each(rows.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
      for (const policy of createPolicies({ stackRegion: () => "us-east-1" })) {
        let thrown: unknown;
        try {
          await runAll(policy, row);
        } catch (error) {
          thrown = error;
        }
        expect(thrown instanceof UnknownValueError).toBe(false);
        expect(thrown).toBeUndefined();
      }
    });
  });

  it("the hostile stacks really carry values the SDK proxy throws on", () => {
    const [resource] = everythingUnknown(unknownValue.string)
      .build()
      .filter((r) => r.type === types.trail);
    expect(() => resource.props.cloudWatchLogsGroupArn).toThrow(UnknownValueError);
  });

  it("reports unknown values in the hostile stacks as 'not known at preview' findings, not silence", () => {
    const [logsToCloudWatch] = definitions;
    const found = runRow(logsToCloudWatch, { name: "hostile", stack: () => everythingUnknown(unknownValue.bool) });
    expect(found.some((finding) => messageIdsOf(finding).includes("notKnownAtPreview"))).toBe(true);
  });

  describe("nothing to check: no diagnostic at all", () => {
    const stacks: [string, () => StackFixture][] = [
      ["empty stack", () => new StackFixture()],
      [
        "unrelated resources only",
        () =>
          new StackFixture().add(types.bucket, "b", { bucket: "b" }).add(types.role, "r", { arn: unknownValue.string }),
      ],
      [
        "a log group and an alarm, no trail, no covering filter",
        () => compliantStack().remove("trail").remove("cloudtrail-changes-filter"),
      ],
    ];
    it.each(stacks)("%s", async (_name, stack) => {
      for (const policy of createPolicies({ stackRegion: () => "us-east-1" }))
        expect(await runPolicy(policy, stack())).toEqual([]);
    });
  });

  it("never prints a secret (subscription endpoints, tags, topic policies)", async () => {
    for (const row of allCases) {
      for (const policy of createPolicies({ stackRegion: () => "us-east-1" })) {
        for (const violation of await runAll(policy, row)) {
          for (const secret of Object.values(secrets)) expect(violation.message).not.toContain(secret);
        }
      }
    }
  });
});
