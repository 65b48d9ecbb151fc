/**
 * CloudWatch Logs calls (logs.amazonaws.com) that CloudTrail records as management events. CreateLogStream is
 * among them; PutLogEvents is not in the list of logged actions (CloudWatch Logs User Guide, "Logging Amazon
 * CloudWatch Logs API calls in AWS CloudTrail"), so a trail delivering to CloudWatch Logs records a stream creation
 * per log stream, not one record per batch. Regional, JSON protocol. Built from the API reference.
 */
import type { CallShape } from "./types";
import { accessDeniedException, serviceCalls } from "./parts";
import { apiReference } from "./sources";

const LOGS_CLOUDTRAIL = {
  title: "Amazon CloudWatch Logs User Guide: Logging Amazon CloudWatch Logs API calls in AWS CloudTrail",
  url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/logging_cw_api_calls_cwl.html",
};

const STREAM_NAMING = {
  title: "AWS CloudTrail User Guide: CloudWatch log group and log stream naming for CloudTrail",
  url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-log-group-log-stream-naming-for-cloudtrail.html",
};

const LOG_GROUP = "aws-cloudtrail-logs-${account}";
const LOG_GROUP_ARN = `arn:\${partition}:logs:\${region}:\${account}:log-group:${LOG_GROUP}:*`;

const { write } = serviceCalls({
  eventSource: "logs.amazonaws.com",
  globalService: false,
  denied: (eventName) => accessDeniedException(`logs:${eventName}`, LOG_GROUP_ARN),
});

export const LOGS_CALLS: readonly CallShape[] = [
  write("CreateLogStream", {
    // "account_ID_CloudTrail_trail_region" (CloudTrail user guide, log group and log stream naming).
    requestParameters: { logGroupName: LOG_GROUP, logStreamName: "${account}_CloudTrail_${region}" },
    responseElements: null,
    alternativeRequests: [
      { logGroupName: "/aws/lambda/orders-api", logStreamName: "2026/01/15/[$LATEST]0123456789abcdef0123456789abcdef" },
    ],
    errors: [
      { errorCode: "ResourceAlreadyExistsException", errorMessage: "The specified log stream already exists" },
      { errorCode: "ResourceNotFoundException", errorMessage: "The specified log group does not exist." },
    ],
    sources: [LOGS_CLOUDTRAIL, STREAM_NAMING, apiReference("logs", "CreateLogStream")],
  }),
];
