/**
 * Routine calls of the governance services: CloudTrail, AWS Config, IAM and Organizations. Security Hub and AWS
 * Config read these services on a schedule in every account they are enabled in, and consoles and IaC tools read
 * them whenever someone looks.
 */
import { SIGNIN_EVENTS } from "../calls/sources";
import type { RoutineCall } from "./types";
import {
  CLOUDTRAIL_EVENT_HISTORY,
  configRule,
  ORGANIZATIONS_TRUSTED_SERVICES,
  PULUMI_REFRESH,
  SECURITY_HUB_CLOUDWATCH,
  SECURITY_HUB_CONFIG_1,
  SECURITY_HUB_ROLE,
} from "./sources";

const CLOUDTRAIL = "cloudtrail.amazonaws.com";
const CONFIG = "config.amazonaws.com";
const IAM = "iam.amazonaws.com";
const ORGANIZATIONS = "organizations.amazonaws.com";

export const GOVERNANCE_ROUTINE_CALLS: readonly RoutineCall[] = [
  {
    eventSource: CLOUDTRAIL,
    eventName: "DescribeTrails",
    callers: ["service", "user", "role"],
    why: "Security Hub's periodic CloudTrail and CloudWatch controls and AWS Config's cloudtrail-enabled rules list the trails on every run; consoles and scanners list them too.",
    sources: [
      SECURITY_HUB_ROLE,
      SECURITY_HUB_CLOUDWATCH,
      configRule("cloudtrail-enabled"),
      configRule("multi-region-cloudtrail-enabled"),
    ],
  },
  {
    eventSource: CLOUDTRAIL,
    eventName: "GetTrailStatus",
    callers: ["service", "user"],
    why: "Security Hub reads each trail's logging status on every periodic run, and the CloudTrail console shows it for every trail it lists.",
    sources: [SECURITY_HUB_ROLE, SECURITY_HUB_CLOUDWATCH],
  },
  {
    eventSource: CLOUDTRAIL,
    eventName: "GetEventSelectors",
    callers: ["service", "user"],
    why: "Security Hub checks that a trail records all management events on every periodic run, as the CIS audit procedure does.",
    sources: [SECURITY_HUB_ROLE, SECURITY_HUB_CLOUDWATCH],
  },
  {
    eventSource: CLOUDTRAIL,
    eventName: "ListTrails",
    callers: ["user", "role"],
    why: "The CloudTrail console and inventory tools list trails before reading each one.",
    sources: [CLOUDTRAIL_EVENT_HISTORY],
  },
  {
    eventSource: CLOUDTRAIL,
    eventName: "LookupEvents",
    callers: ["user", "role"],
    why: "The CloudTrail console's Event history page, and every tool that searches the last 90 days of events, calls LookupEvents page by page.",
    sources: [CLOUDTRAIL_EVENT_HISTORY],
  },
  {
    eventSource: CLOUDTRAIL,
    eventName: "GetTrail",
    callers: ["role", "user"],
    why: "Infrastructure-as-code previews and refreshes read every trail they manage on each run.",
    sources: [PULUMI_REFRESH],
  },
  {
    eventSource: CLOUDTRAIL,
    eventName: "GetInsightSelectors",
    callers: ["user"],
    failsWith: "InsightNotEnabledException",
    why: "The CloudTrail console's trail page asks for Insights selectors, which a trail without Insights answers with InsightNotEnabledException.",
    sources: [
      {
        title: "AWS CloudTrail API Reference: GetInsightSelectors (InsightNotEnabledException)",
        url: "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetInsightSelectors.html",
      },
    ],
  },
  {
    eventSource: CONFIG,
    eventName: "DescribeConfigurationRecorders",
    callers: ["service", "user"],
    why: "Security Hub's Config.1 control reads the recorders on every periodic run.",
    sources: [SECURITY_HUB_ROLE, SECURITY_HUB_CONFIG_1],
  },
  {
    eventSource: CONFIG,
    eventName: "DescribeConfigurationRecorderStatus",
    callers: ["service", "user"],
    why: "Security Hub's Config.1 control checks that the recorder is recording on every periodic run; the AWS Config console shows it on every visit.",
    sources: [SECURITY_HUB_ROLE, SECURITY_HUB_CONFIG_1],
  },
  {
    eventSource: CONFIG,
    eventName: "DescribeDeliveryChannels",
    callers: ["user", "role"],
    why: "The AWS Config console's settings page and inventory tools read the delivery channels.",
    sources: [
      {
        title:
          "AWS Config Developer Guide: Logging AWS Config API calls with AWS CloudTrail (DescribeDeliveryChannels record)",
        url: "https://docs.aws.amazon.com/config/latest/developerguide/cloudtrail-log-files-for-aws-config.html",
      },
    ],
  },
  {
    eventSource: CONFIG,
    eventName: "PutEvaluations",
    callers: ["service", "role"],
    why: "Security Hub's service-linked rules and every custom Config rule's function report their results with PutEvaluations, run after run.",
    sources: [
      SECURITY_HUB_ROLE,
      {
        title: "AWS Config API Reference: PutEvaluations (used by the Lambda function of a custom rule)",
        url: "https://docs.aws.amazon.com/config/latest/APIReference/API_PutEvaluations.html",
      },
    ],
  },
  {
    eventSource: IAM,
    eventName: "GetAccountPasswordPolicy",
    callers: ["service"],
    failsWith: "NoSuchEntityException",
    why: "AWS Config's periodic iam-password-policy rule reads the password policy; an account without a custom one answers NoSuchEntityException.",
    sources: [configRule("iam-password-policy")],
  },
  {
    eventSource: IAM,
    eventName: "GetAccountSummary",
    callers: ["service", "user"],
    why: "AWS Config's periodic root-account-mfa-enabled rule and the IAM console's dashboard read the account summary.",
    sources: [configRule("root-account-mfa-enabled")],
  },
  {
    eventSource: IAM,
    eventName: "GetCredentialReport",
    callers: ["service", "role"],
    why: "Security Hub's IAM controls and credential scanners fetch the credential report on every run.",
    sources: [SECURITY_HUB_ROLE],
  },
  {
    eventSource: IAM,
    eventName: "GetRole",
    callers: ["role", "user"],
    why: "Infrastructure-as-code previews and refreshes read every role they manage on each run.",
    sources: [PULUMI_REFRESH],
  },
  {
    eventSource: IAM,
    eventName: "ListAttachedRolePolicies",
    callers: ["role", "user"],
    why: "Infrastructure-as-code refreshes read the attachments of every role they manage, and the IAM console lists them on each role page.",
    sources: [PULUMI_REFRESH],
  },
  {
    eventSource: ORGANIZATIONS,
    eventName: "DescribeOrganization",
    callers: ["service", "user"],
    why: "Security Hub and the other services with trusted access ask which organization an account belongs to, in every member account.",
    sources: [SECURITY_HUB_ROLE, ORGANIZATIONS_TRUSTED_SERVICES],
  },
  {
    eventSource: ORGANIZATIONS,
    eventName: "ListAccounts",
    callers: ["service", "user"],
    why: "Security Hub's administrator account and the Organizations console list the member accounts.",
    sources: [SECURITY_HUB_ROLE, ORGANIZATIONS_TRUSTED_SERVICES],
  },
  {
    eventSource: ORGANIZATIONS,
    eventName: "DescribeAccount",
    callers: ["service"],
    why: "Security Hub reads the details of each member account it reports on.",
    sources: [SECURITY_HUB_ROLE],
  },
  {
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    callers: ["user"],
    why: "Every person who uses the console signs in at least once a day; with MFA, that sign-in is routine and not a CIS finding.",
    sources: [SIGNIN_EVENTS],
  },
  {
    eventSource: "signin.amazonaws.com",
    eventName: "CheckMfa",
    callers: ["user"],
    why: "The sign-in process checks whether an IAM user needs MFA before each such user's console sign-in.",
    sources: [SIGNIN_EVENTS],
  },
];
