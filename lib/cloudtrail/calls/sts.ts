/**
 * AWS STS calls (sts.amazonaws.com): the credentials every role session starts with. STS is a global service only
 * through its global endpoint (sts.amazonaws.com, recorded in us-east-1); the AWS SDKs and CLI v2 call the Regional
 * endpoint of the configured Region, whose records carry that Region, so these shapes are not global-service events.
 * Query protocol: an authorization failure is "AccessDenied". AssumeRole follows the IAM User Guide's records;
 * GetCallerIdentity and AssumeRoleWithWebIdentity are built from the API reference.
 */
import { DENIED_PRINCIPAL } from "./types";
import type { CallShape, Source } from "./types";
import { accessDenied, serviceCalls } from "./parts";
import { apiReference, GLOBAL_SERVICE_EVENTS, IAM_CLOUDTRAIL } from "./sources";

const ROLE_ARN = "arn:${partition}:iam::${account}:role/app-role";

const STS_REGIONAL_ENDPOINTS: Source = {
  title: "IAM User Guide: Manage AWS STS in an AWS Region (Regional endpoints, recorded in the Region called)",
  url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html",
};

const { read } = serviceCalls({
  eventSource: "sts.amazonaws.com",
  globalService: false,
  denied: (eventName) => accessDenied(`sts:${eventName}`, ROLE_ARN),
});

const CREDENTIALS = {
  accessKeyId: "ASIAIOSFODNN7EXAMPLE",
  sessionToken: "<encoded session token blob>",
  expiration: "Jan 15, 2026, 10:00:00 AM",
};

export const STS_CALLS: readonly CallShape[] = [
  read("AssumeRole", {
    requestParameters: { roleArn: ROLE_ARN, roleSessionName: "app-session", durationSeconds: 3600 },
    responseElements: {
      credentials: CREDENTIALS,
      assumedRoleUser: {
        assumedRoleId: "AROAEXAMPLEAPPROLEID:app-session",
        arn: "arn:${partition}:sts::${account}:assumed-role/app-role/app-session",
      },
    },
    alternativeRequests: [
      {
        roleArn: ROLE_ARN,
        roleSessionName: "alice",
        sourceIdentity: "alice",
        serialNumber: "arn:${partition}:iam::${account}:mfa/alice",
      },
    ],
    errors: [
      {
        errorCode: "RegionDisabledException",
        errorMessage:
          "STS is not activated in this region for account:${account}. Your account administrator can activate STS in this region using the IAM Console.",
      },
    ],
    sources: [IAM_CLOUDTRAIL, apiReference("sts", "AssumeRole"), STS_REGIONAL_ENDPOINTS, GLOBAL_SERVICE_EVENTS],
  }),
  read("GetCallerIdentity", {
    requestParameters: null,
    responseElements: null,
    errors: [],
    // GetCallerIdentity needs no permission: an explicit deny is the only way to refuse it.
    accessDenied: {
      errorCode: "AccessDenied",
      errorMessage: `User: ${DENIED_PRINCIPAL} is not authorized to perform: sts:GetCallerIdentity with an explicit deny in an identity-based policy`,
    },
    sources: [apiReference("sts", "GetCallerIdentity"), STS_REGIONAL_ENDPOINTS],
  }),
  read("AssumeRoleWithWebIdentity", {
    requestParameters: {
      roleArn: "arn:${partition}:iam::${account}:role/github-actions-deploy",
      roleSessionName: "GitHubActions",
      durationSeconds: 3600,
    },
    responseElements: {
      credentials: CREDENTIALS,
      subjectFromWebIdentityToken: "repo:octo-org/octo-repo:ref:refs/heads/main",
      assumedRoleUser: {
        assumedRoleId: "AROA3EXAMPLEGHAROLEID:GitHubActions",
        arn: "arn:${partition}:sts::${account}:assumed-role/github-actions-deploy/GitHubActions",
      },
      provider: "arn:${partition}:iam::${account}:oidc-provider/token.actions.githubusercontent.com",
      audience: "sts.amazonaws.com",
    },
    errors: [
      {
        errorCode: "InvalidIdentityToken",
        errorMessage: "No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com",
      },
    ],
    sources: [apiReference("sts", "AssumeRoleWithWebIdentity"), IAM_CLOUDTRAIL],
  }),
];
