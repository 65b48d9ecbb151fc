/**
 * CIS "Ensure S3 bucket policy changes are monitored": the nine S3 calls that put or delete a bucket's ACL, policy,
 * CORS, lifecycle or replication configuration. Every version's text conjoins `$.eventSource = s3.amazonaws.com`.
 */
import {
  cloudSploitMonitoringMetrics,
  cloudTrailAlarmExamples,
  cyberStrikeCisV7,
  prowlerCheck,
  prowlerCis,
  securityHubControl,
  steampipeCis,
} from "./sources";
import type { ControlDefinition } from "./types";

/** Records: regional (recorded in the region the call is made in), so a trail must be multi-region. */
export const s3BucketPolicyChanges: ControlDefinition = {
  id: "s3-bucket-policy-changes",
  name: "S3 bucket policy changes",
  nameOfOne: "S3 bucket policy change",
  title: "Ensure S3 bucket policy changes are monitored",
  references: { cisV12: "3.8", cisV14ToV5: "4.8", cisV6ToV7: "5.8", securityHub: "CloudWatch.8" },
  target: {
    kind: "apiCalls",
    eventSource: "s3.amazonaws.com",
    eventNames: [
      "PutBucketAcl",
      "PutBucketPolicy",
      "PutBucketCors",
      "PutBucketLifecycle",
      "PutBucketReplication",
      "DeleteBucketPolicy",
      "DeleteBucketCors",
      "DeleteBucketLifecycle",
      "DeleteBucketReplication",
    ],
  },
  prescribedPatterns: [
    {
      documents: [
        "CIS v1.2.0",
        "CIS v1.3.0",
        "CIS v1.4.0",
        "CIS v1.5.0",
        "CIS v2.0.0",
        "CIS v3.0.0",
        "CIS v4.0.0",
        "CIS v5.0.0",
        "CIS v6.0.0",
        "CIS v7.0.0",
      ],
      text: "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }",
      sources: [
        steampipeCis("v120", "3.8"),
        steampipeCis("v130", "4.8"),
        prowlerCis("1.4", "4.8"),
        steampipeCis("v200", "4.8"),
        steampipeCis("v300", "4.8"),
        prowlerCis("4.0", "4.8"),
        steampipeCis("v500", "4.8"),
        steampipeCis("v600", "5.8"),
        prowlerCis("7.0", "5.8"),
        cyberStrikeCisV7("5.8"),
      ],
    },
    {
      documents: ["Security Hub CloudWatch.8"],
      text: "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}",
      sources: [...securityHubControl(8)],
    },
  ],
  // Metric: Security Hub's example alarm name CIS-4.8-S3BucketPolicyChanges without the "CIS-x.y-" prefix; namespace:
  // the CloudTrail user guide's alarm examples. Alarm: the same words spaced, as Conformity's "CloudTrail Changes".
  metric: { name: "S3BucketPolicyChanges", namespace: "CloudTrailMetrics" },
  alarmName: "S3 Bucket Policy Changes",
  sources: [
    steampipeCis("v120", "3.8"),
    steampipeCis("v600", "5.8"),
    prowlerCis("1.4", "4.8"),
    prowlerCis("7.0", "5.8"),
    cyberStrikeCisV7("5.8"),
    ...securityHubControl(8),
    prowlerCheck("cloudwatch_log_metric_filter_for_s3_bucket_policy_changes"),
    cloudSploitMonitoringMetrics,
    cloudTrailAlarmExamples,
  ],
};
