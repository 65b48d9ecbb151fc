/**
 * AWS CloudTrail calls (cloudtrail.amazonaws.com): the five trail changes of CIS "CloudTrail configuration changes
 * are monitored", and the reads that users, consoles, AWS Config and Security Hub make all day. CloudTrail is a
 * regional, JSON-protocol service.
 */
import { accessDenied, accessDeniedException, EXAMPLE, serviceCalls } from "./parts";
import {
  apiReference,
  CLOUDTRAIL_EVENT_EXAMPLE,
  CLOUDTRAIL_LOG_FILE_EXAMPLES,
  CLOUDTRAIL_RECORD_CONTENTS,
} from "./sources";
import type { CallError, CallShape } from "./types";

/** The documented TrailNotFoundException wording: "Unknown trail: myTrail2 for the user: 123456789012". */
const TRAIL_NOT_FOUND: CallError = {
  errorCode: "TrailNotFoundException",
  errorMessage: `Unknown trail: ${EXAMPLE.trailArn} for the user: \${account}`,
};

/** The trail description CreateTrail and UpdateTrail return. */
const TRAIL_DESCRIPTION = {
  name: EXAMPLE.trailName,
  s3BucketName: EXAMPLE.trailBucket,
  includeGlobalServiceEvents: true,
  isMultiRegionTrail: true,
  trailARN: EXAMPLE.trailArn,
  logFileValidationEnabled: true,
  cloudWatchLogsLogGroupArn: EXAMPLE.logGroupArn,
  cloudWatchLogsRoleArn: EXAMPLE.logsRoleArn,
  isOrganizationTrail: false,
};

/**
 * CloudTrail's authorization failure. The API reference lists AccessDeniedException among the errors common to all
 * actions (JSON protocol), and SDK output of a denied cloudtrail:StopLogging names it; other published CLI output of
 * the same denial reads "An error occurred (AccessDenied) when calling the StopLogging operation". No AWS page prints
 * the CloudTrail record of a denied CloudTrail call, so both spellings are kept: record families hold both.
 */
const { write, read } = serviceCalls({
  eventSource: "cloudtrail.amazonaws.com",
  globalService: false,
  denied: (eventName) => accessDeniedException(`cloudtrail:${eventName}`, EXAMPLE.trailArn),
  alsoDenied: (eventName) => [accessDenied(`cloudtrail:${eventName}`, EXAMPLE.trailArn)],
});

const SHAPES: readonly CallShape[] = [
  write("CreateTrail", {
    requestParameters: {
      name: EXAMPLE.trailName,
      s3BucketName: EXAMPLE.trailBucket,
      includeGlobalServiceEvents: true,
      isMultiRegionTrail: true,
      enableLogFileValidation: true,
      cloudWatchLogsLogGroupArn: EXAMPLE.logGroupArn,
      cloudWatchLogsRoleArn: EXAMPLE.logsRoleArn,
      isOrganizationTrail: false,
    },
    responseElements: TRAIL_DESCRIPTION,
    alternativeRequests: [
      {
        name: "org-audit",
        s3BucketName: EXAMPLE.trailBucket,
        s3KeyPrefix: "org",
        isMultiRegionTrail: true,
        isOrganizationTrail: true,
        kmsKeyId: EXAMPLE.keyArn,
      },
      {
        name: "regional-trail",
        s3BucketName: EXAMPLE.trailBucket,
        isMultiRegionTrail: false,
        tagsList: [{ key: "owner", value: "security" }],
      },
    ],
    errors: [
      {
        errorCode: "TrailAlreadyExistsException",
        errorMessage: `Trail ${EXAMPLE.trailName} already exists for customer: \${account}`,
      },
      {
        errorCode: "InsufficientS3BucketPolicyException",
        errorMessage: `Incorrect S3 bucket policy is detected for bucket: ${EXAMPLE.trailBucket}`,
      },
      { errorCode: "S3BucketDoesNotExistException", errorMessage: `S3 bucket ${EXAMPLE.trailBucket} does not exist.` },
    ],
    sources: [apiReference("cloudtrail", "CreateTrail"), CLOUDTRAIL_RECORD_CONTENTS],
  }),
  write("UpdateTrail", {
    requestParameters: {
      name: EXAMPLE.trailName,
      cloudWatchLogsLogGroupArn: EXAMPLE.logGroupArn,
      cloudWatchLogsRoleArn: EXAMPLE.logsRoleArn,
    },
    responseElements: TRAIL_DESCRIPTION,
    alternativeRequests: [
      { name: EXAMPLE.trailArn, isMultiRegionTrail: true, enableLogFileValidation: true },
      { name: EXAMPLE.trailName, s3BucketName: EXAMPLE.trailBucket, kmsKeyId: EXAMPLE.keyArn },
      { name: EXAMPLE.trailName, includeGlobalServiceEvents: false },
    ],
    errors: [TRAIL_NOT_FOUND],
    sources: [CLOUDTRAIL_LOG_FILE_EXAMPLES, apiReference("cloudtrail", "UpdateTrail")],
  }),
  write("DeleteTrail", {
    requestParameters: { name: EXAMPLE.trailName },
    responseElements: null,
    alternativeRequests: [{ name: EXAMPLE.trailArn }],
    errors: [TRAIL_NOT_FOUND],
    sources: [apiReference("cloudtrail", "DeleteTrail")],
  }),
  write("StartLogging", {
    requestParameters: { name: EXAMPLE.trailArn },
    responseElements: null,
    alternativeRequests: [{ name: EXAMPLE.trailName }],
    errors: [TRAIL_NOT_FOUND],
    sources: [CLOUDTRAIL_EVENT_EXAMPLE, apiReference("cloudtrail", "StartLogging")],
  }),
  write("StopLogging", {
    requestParameters: { name: EXAMPLE.trailName },
    responseElements: null,
    alternativeRequests: [{ name: EXAMPLE.trailArn }],
    errors: [TRAIL_NOT_FOUND],
    sources: [apiReference("cloudtrail", "StopLogging"), CLOUDTRAIL_EVENT_EXAMPLE],
  }),
  read("DescribeTrails", {
    requestParameters: { trailNameList: [], includeShadowTrails: true },
    responseElements: null,
    alternativeRequests: [{ trailNameList: [EXAMPLE.trailArn] }, null],
    errors: [],
    sources: [apiReference("cloudtrail", "DescribeTrails")],
  }),
  read("GetTrail", {
    requestParameters: { name: EXAMPLE.trailName },
    responseElements: null,
    errors: [TRAIL_NOT_FOUND],
    sources: [apiReference("cloudtrail", "GetTrail")],
  }),
  read("GetTrailStatus", {
    requestParameters: { name: EXAMPLE.trailArn },
    responseElements: null,
    errors: [TRAIL_NOT_FOUND],
    sources: [apiReference("cloudtrail", "GetTrailStatus")],
  }),
  read("ListTrails", {
    requestParameters: null,
    responseElements: null,
    errors: [],
    sources: [apiReference("cloudtrail", "ListTrails")],
  }),
  read("LookupEvents", {
    requestParameters: {
      lookupAttributes: [{ attributeKey: "EventName", attributeValue: "ConsoleLogin" }],
      maxResults: 50,
    },
    responseElements: null,
    alternativeRequests: [{ maxResults: 50 }],
    errors: [],
    sources: [apiReference("cloudtrail", "LookupEvents")],
  }),
  read("GetEventSelectors", {
    requestParameters: { trailName: EXAMPLE.trailName },
    responseElements: null,
    errors: [TRAIL_NOT_FOUND],
    sources: [apiReference("cloudtrail", "GetEventSelectors")],
  }),
  read("GetInsightSelectors", {
    requestParameters: { trailName: EXAMPLE.trailName },
    responseElements: null,
    errors: [
      // The error a trail without Insights answers, which the CloudTrail console's trail page meets on every view.
      {
        errorCode: "InsightNotEnabledException",
        errorMessage: `Trail ${EXAMPLE.trailName} does not have Insights enabled.`,
      },
    ],
    sources: [apiReference("cloudtrail", "GetInsightSelectors")],
  }),
  read("ListTags", {
    requestParameters: { resourceIdList: [EXAMPLE.trailArn] },
    responseElements: null,
    errors: [],
    sources: [apiReference("cloudtrail", "ListTags")],
  }),
];

/** The API reference's common errors (AccessDeniedException) back every shape's authorization failure. */
const COMMON_ERRORS = {
  title: "AWS CloudTrail API Reference: Common Errors (AccessDeniedException)",
  url: "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/CommonErrors.html",
};

export const CLOUDTRAIL_CALLS: readonly CallShape[] = SHAPES.map((shape) => ({
  ...shape,
  sources: [...shape.sources, COMMON_ERRORS],
}));
