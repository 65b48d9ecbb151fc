/**
 * The compliance metadata each policy carries (Pulumi shows the framework, the remediation URL and the tags).
 * Section numbers: CIS AWS Foundations Benchmark v3.0.0 section 4, "Monitoring" (4.5 "Ensure CloudTrail
 * configuration changes are monitored", 4.15 "Ensure AWS Organizations changes are monitored"; v1.2.0 numbers the
 * first 3.5 and has no Organizations recommendation; v6.0.0 and v7.0.0 number them 5.5 and 5.15). Security Hub's
 * CloudWatch controls page (https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html) has
 * CloudWatch.5 for CloudTrail changes, at the anchor `#cloudwatch-5`, and no control for Organizations changes.
 */
import { cloudTrailChanges } from "../../lib/controls/cloudtrail-changes";
import { organizationsChanges } from "../../lib/controls/organizations-changes";
import { createPolicies } from "../../policies";
import { cisFrameworkOf, controlUrlOf, referenceTagsOf } from "../../policies/common";

const PAGE = "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html";

describe("compliance metadata", () => {
  it("the CIS framework entry names v3.0.0 and the recommendation's number and title", () => {
    expect(cisFrameworkOf(cloudTrailChanges)).toStrictEqual({
      name: "CIS AWS Foundations Benchmark",
      version: "3.0.0",
      reference: "4.5",
      specification: "Ensure CloudTrail configuration changes are monitored",
    });
  });

  it("the remediation URL is the Security Hub control's anchor, or the page when there is none", () => {
    expect(controlUrlOf(cloudTrailChanges)).toBe(`${PAGE}#cloudwatch-5`);
    expect(controlUrlOf(organizationsChanges)).toBe(PAGE);
  });

  it("the tags name every numbering of the recommendation, and the Security Hub control when there is one", () => {
    expect(referenceTagsOf(cloudTrailChanges)).toStrictEqual([
      "cis-aws-foundations-4.5",
      "cis-aws-foundations-v1.2-3.5",
      "cis-aws-foundations-v1.4-to-v5-4.5",
      "cis-aws-foundations-v6-to-v7-5.5",
      "security-hub-cloudwatch-5",
    ]);
    expect(referenceTagsOf(organizationsChanges)).toStrictEqual([
      "cis-aws-foundations-4.15",
      "cis-aws-foundations-v1.4-to-v5-4.15",
      "cis-aws-foundations-v6-to-v7-5.15",
    ]);
  });

  describe("the policies as the engine receives them", () => {
    // Made inside each test, so that a mutation-testing run credits the tests with what they reach.
    const allPolicies = () => createPolicies({ stackRegion: () => "us-east-1" });
    const policy = (name: string) => {
      const found = allPolicies().find((candidate) => candidate.name === name);
      if (found === undefined) throw new Error(`no policy ${name}`);
      return found;
    };

    it("the four CloudTrail-changes policies are mandatory, the fourteen other controls' disabled (README)", () => {
      const mandatory = [
        "cloudtrail-logs-to-cloudwatch",
        "cloudtrail-changes-metric-filter",
        "cloudtrail-changes-alarm",
        "cloudtrail-changes-alarm-sns",
      ];
      const policies = allPolicies();
      expect(policies).toHaveLength(18);
      for (const { name, enforcementLevel } of policies) {
        expect([name, enforcementLevel]).toEqual([name, mandatory.includes(name) ? "mandatory" : "disabled"]);
      }
    });

    it("each has one of the severities @pulumi/policy knows (PolicySeverity)", () => {
      for (const { name, severity } of allPolicies()) {
        expect([name, ["low", "medium", "high", "critical"].includes(severity ?? "")]).toEqual([name, true]);
      }
    });

    it("the tags name the control's recommendation and the policy's own link", () => {
      expect(policy("cloudtrail-changes-alarm").tags).toEqual(
        expect.arrayContaining(["cis-aws-foundations-4.5", "security-hub-cloudwatch-5", "metric-alarm"]),
      );
      // CIS v3.0.0 4.3 is root account usage; Security Hub checks it as CloudWatch.1.
      expect(policy("root-account-usage-monitored").tags).toEqual(
        expect.arrayContaining(["cis-aws-foundations-4.3", "security-hub-cloudwatch-1", "root-account-usage"]),
      );
    });
  });
});
