// The pack's entry point, loaded by the engine (compiled to bin/index.js, package.json `main`). It builds the
// PolicyPack and nothing else: never import it from tests (the PolicyPack constructor starts a gRPC server).
// Nothing here may print on stdout (the engine reads the first stdout line as the port), and nothing in its load
// path may import @pulumi/aws (slow start-up at every preview).
//
// No initialConfig on purpose: the policies' config schemas carry the defaults, and an initialConfig entry without
// an enforcementLevel would reach the pack as "advisory", overriding the policies' "mandatory".
import { PolicyPack } from "@pulumi/policy";
import { installSecretCapture } from "./lib/stack/secret-capture";
import { defaultAdapters } from "./lib/stack/stack";
import { packName, policies } from "./policies";
import { packMetadata } from "./policies/pack-metadata";

// Before the SDK starts its gRPC server: learn from each AnalyzeStack request which values were secrets (the SDK
// unwraps them), so no message ever prints one. Without it every stack value is treated as secret. Only the
// resources the pack reads (and their providers) need looking at.
installSecretCapture((type) => defaultAdapters.has(type));

new PolicyPack(packName, {
  policies,
  enforcementLevel: "mandatory",
  displayName: "CloudTrail configuration changes are monitored",
  description:
    "A CloudWatch alarm must fire on AWS CloudTrail configuration changes: the trail streams to a CloudWatch Logs " +
    "log group, a metric filter counts CreateTrail, UpdateTrail, DeleteTrail, StartLogging and StopLogging, and an " +
    'alarm on that metric notifies an SNS topic with a subscriber (CIS AWS Foundations Benchmark "CloudTrail ' +
    'configuration changes are monitored", AWS Security Hub CloudWatch.5). Checked at pulumi preview time.',
  provider: "aws",
  tags: ["aws", "cloudtrail", "cloudwatch", "cis-aws-foundations", "security-hub"],
  ...packMetadata(),
});
