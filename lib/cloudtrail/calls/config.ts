/**
 * AWS Config calls (config.amazonaws.com): the four recorder and delivery-channel changes of CIS "AWS Config
 * configuration changes are monitored" (Security Hub CloudWatch.9), and the reads and evaluations that Config rules
 * and Security Hub make on their schedule. Regional, JSON protocol. The four targets and the three Describe calls
 * follow the records the AWS Config Developer Guide prints ("Logging AWS Config API calls with AWS CloudTrail");
 * PutEvaluations is built from the API reference.
 */
import type { CallShape } from "./types";
import { accessDeniedException, serviceCalls } from "./parts";
import { apiReference, CONFIG_CLOUDTRAIL } from "./sources";

const RECORDER = "default";
const CHANNEL = "default";
const CONFIG_BUCKET = "config-bucket-${account}";

const { write, read } = serviceCalls({
  eventSource: "config.amazonaws.com",
  globalService: false,
  denied: (eventName) => accessDeniedException(`config:${eventName}`, "*"),
});

export const CONFIG_CALLS: readonly CallShape[] = [
  write("StopConfigurationRecorder", {
    requestParameters: { configurationRecorderName: RECORDER },
    responseElements: null,
    errors: [
      {
        errorCode: "NoSuchConfigurationRecorderException",
        errorMessage: `Cannot find configuration recorder with the specified name '${RECORDER}'.`,
      },
    ],
    sources: [CONFIG_CLOUDTRAIL, apiReference("config", "StopConfigurationRecorder")],
  }),
  write("DeleteDeliveryChannel", {
    requestParameters: { deliveryChannelName: CHANNEL },
    responseElements: null,
    errors: [
      {
        errorCode: "LastDeliveryChannelDeleteFailedException",
        errorMessage: `Failed to delete last specified delivery channel with name '${CHANNEL}', because there is a running configuration recorder.`,
      },
      {
        errorCode: "NoSuchDeliveryChannelException",
        errorMessage: `Cannot find delivery channel with specified name '${CHANNEL}'.`,
      },
    ],
    sources: [CONFIG_CLOUDTRAIL, apiReference("config", "DeleteDeliveryChannel")],
  }),
  write("PutDeliveryChannel", {
    requestParameters: {
      deliveryChannel: {
        name: CHANNEL,
        s3BucketName: CONFIG_BUCKET,
        snsTopicARN: "arn:${partition}:sns:${region}:${account}:config-topic",
      },
    },
    responseElements: null,
    alternativeRequests: [
      {
        deliveryChannel: {
          name: CHANNEL,
          s3BucketName: CONFIG_BUCKET,
          configSnapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
        },
      },
    ],
    errors: [
      {
        errorCode: "InsufficientDeliveryPolicyException",
        errorMessage: `Insufficient delivery policy to s3 bucket: ${CONFIG_BUCKET}, unable to write to bucket, provided s3 key prefix is 'null'.`,
      },
      {
        errorCode: "NoSuchBucketException",
        errorMessage: `Cannot find a S3 bucket with an appropriate bucket policy.`,
      },
    ],
    sources: [CONFIG_CLOUDTRAIL, apiReference("config", "PutDeliveryChannel")],
  }),
  write("PutConfigurationRecorder", {
    requestParameters: {
      configurationRecorder: {
        name: RECORDER,
        roleARN: "arn:${partition}:iam::${account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
      },
    },
    responseElements: null,
    alternativeRequests: [
      {
        configurationRecorder: {
          name: RECORDER,
          roleARN: "arn:${partition}:iam::${account}:role/config-role",
          recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
        },
      },
    ],
    errors: [
      { errorCode: "InvalidRoleException", errorMessage: "The role cannot be assumed by AWS Config." },
      {
        errorCode: "MaxNumberOfConfigurationRecordersExceededException",
        errorMessage:
          "Failed to put configuration recorder 'recorder-2' because the maximum number of configuration recorders: 1 is reached.",
      },
    ],
    sources: [CONFIG_CLOUDTRAIL, apiReference("config", "PutConfigurationRecorder")],
  }),
  read("DescribeConfigurationRecorders", {
    requestParameters: null,
    responseElements: null,
    errors: [],
    sources: [CONFIG_CLOUDTRAIL, apiReference("config", "DescribeConfigurationRecorders")],
  }),
  read("DescribeConfigurationRecorderStatus", {
    requestParameters: null,
    responseElements: null,
    errors: [],
    sources: [CONFIG_CLOUDTRAIL, apiReference("config", "DescribeConfigurationRecorderStatus")],
  }),
  read("DescribeDeliveryChannels", {
    requestParameters: null,
    responseElements: null,
    errors: [],
    sources: [CONFIG_CLOUDTRAIL, apiReference("config", "DescribeDeliveryChannels")],
  }),
  write("PutEvaluations", {
    requestParameters: {
      evaluations: [
        {
          complianceResourceType: "AWS::::Account",
          complianceResourceId: "${account}",
          complianceType: "COMPLIANT",
          orderingTimestamp: "Jan 15, 2026, 9:00:00 AM",
        },
      ],
      resultToken: "eyJyZXN1bHRUb2tlbiI6IkVYQU1QTEUifQ==",
      testMode: false,
    },
    responseElements: { failedEvaluations: [] },
    errors: [{ errorCode: "InvalidResultTokenException", errorMessage: "The result token is invalid." }],
    sources: [apiReference("config", "PutEvaluations")],
  }),
];
