/**
 * AWS Management Console sign-in (signin.amazonaws.com): ConsoleLogin and CheckMfa, written with eventType
 * "AwsConsoleSignIn". Sign-in is one of CloudTrail's four global services, but the Region a ConsoleLogin record
 * carries varies (CloudTrail user guide, "AWS Management Console sign-in events"): the root user's sign-in is
 * recorded in us-east-1; an IAM user's through the global endpoint in us-east-1, or, with an account-alias cookie,
 * in us-east-2, eu-north-1 or ap-southeast-2; through a Regional sign-in endpoint, in that Region.
 *
 * Sign-in records carry `requestParameters: null`, the outcome in `responseElements` ({"ConsoleLogin": "Success"}
 * or "Failure"), and `additionalEventData` with LoginTo, MobileVersion, MFAUsed and, in newer records, MFAIdentifier.
 * A refused sign-in has an `errorMessage` ("Failed authentication") and no `errorCode`, so these shapes have no
 * authorization failure and no coded errors: the failures are variants below. The userIdentity of a sign-in depends
 * on who signs in, so the variants carry it, as the guide's examples print it.
 */
import type { JsonObject } from "../json";
import type { CallShape, Source } from "./types";
import { GLOBAL_SERVICES_NOTICE, IAM_CLOUDTRAIL, SIGNIN_EVENTS } from "./sources";

const EVENT_SOURCE = "signin.amazonaws.com";

/** The Regions an IAM user's ConsoleLogin is recorded in, `${region}` standing for a Regional sign-in endpoint. */
export const IAM_USER_SIGN_IN_REGIONS: readonly string[] = [
  "us-east-1",
  "us-east-2",
  "eu-north-1",
  "ap-southeast-2",
  "${region}",
];
/** The root user's sign-in is always recorded in us-east-1. */
export const ROOT_SIGN_IN_REGIONS: readonly string[] = ["us-east-1"];

const LOGIN_TO = "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true";

const CONSOLE_LOGIN_SHAPE: CallShape = {
  eventSource: EVENT_SOURCE,
  eventName: "ConsoleLogin",
  // Records since event version 1.08 carry "readOnly": false for ConsoleLogin.
  readOnly: false,
  globalService: true,
  eventType: "AwsConsoleSignIn",
  requestParameters: null,
  responseElements: { ConsoleLogin: "Success" },
  additionalEventData: {
    LoginTo: LOGIN_TO,
    MobileVersion: "No",
    MFAIdentifier: "arn:${partition}:iam::${account}:mfa/anaya",
    MFAUsed: "Yes",
  },
  errors: [],
  accessDenied: null,
  sources: [SIGNIN_EVENTS, IAM_CLOUDTRAIL, GLOBAL_SERVICES_NOTICE],
};

const CHECK_MFA_SHAPE: CallShape = {
  eventSource: EVENT_SOURCE,
  eventName: "CheckMfa",
  // An EventBridge test event of a CheckMfa record (2021) carries "readOnly": true; the guide's examples omit it.
  readOnly: true,
  globalService: true,
  eventType: "AwsConsoleSignIn",
  requestParameters: null,
  responseElements: { CheckMfa: "Success" },
  additionalEventData: { MfaType: "U2F MFA" },
  errors: [],
  accessDenied: null,
  sources: [SIGNIN_EVENTS],
};

export const SIGNIN_CALLS: readonly CallShape[] = [CONSOLE_LOGIN_SHAPE, CHECK_MFA_SHAPE];

/** One way a console sign-in is recorded: who, with what outcome, and where. */
export interface ConsoleSignInVariant {
  /** A stable key, e.g. "iam-user-without-mfa". */
  readonly key: string;
  readonly description: string;
  readonly outcome: "success" | "failure";
  /** userIdentity.type. */
  readonly identityType: "IAMUser" | "Root" | "AssumedRole" | "FederatedUser";
  readonly userIdentity: JsonObject;
  /** The awsRegion values CloudTrail writes for this sign-in. */
  readonly awsRegions: readonly string[];
  readonly responseElements: JsonObject;
  readonly additionalEventData: JsonObject;
  /** Present on failures: "Failed authentication", or "No username found in supplied account". */
  readonly errorMessage?: string;
  readonly sources: readonly Source[];
}

const PANTHER_SAML_LOGIN: Source = {
  title:
    "panther-labs/panther-analysis: AWS Console Login Without SAML rule tests (SAML ConsoleLogin with SamlProviderArn)",
  url: "https://github.com/panther-labs/panther-analysis/blob/main/rules/aws_cloudtrail_rules/aws_console_login_without_saml.yml",
};
const USER_IDENTITY_ELEMENT: Source = {
  title: "AWS CloudTrail User Guide: CloudTrail userIdentity element (FederatedUser, AssumedRole)",
  url: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html",
};

const IAM_USER: JsonObject = {
  type: "IAMUser",
  principalId: "AIDACKCEVSQ6C2EXAMPLE",
  arn: "arn:${partition}:iam::${account}:user/anaya",
  accountId: "${account}",
  userName: "anaya",
};
/** A failed IAM-user sign-in names the user but carries no ARN, and an empty access key id. */
const IAM_USER_FAILED: JsonObject = {
  type: "IAMUser",
  principalId: "AIDACKCEVSQ6C2EXAMPLE",
  accountId: "${account}",
  accessKeyId: "",
  userName: "anaya",
};
const ROOT: JsonObject = {
  type: "Root",
  principalId: "${account}",
  arn: "arn:${partition}:iam::${account}:root",
  accountId: "${account}",
  accessKeyId: "",
};

function signedIn(mfa: boolean, extra: JsonObject = {}): JsonObject {
  return { LoginTo: LOGIN_TO, MobileVersion: "No", ...extra, MFAUsed: mfa ? "Yes" : "No" };
}

export const CONSOLE_SIGN_IN_VARIANTS: readonly ConsoleSignInVariant[] = [
  {
    key: "iam-user-without-mfa",
    description: "an IAM user signs in with a password only",
    outcome: "success",
    identityType: "IAMUser",
    userIdentity: IAM_USER,
    awsRegions: IAM_USER_SIGN_IN_REGIONS,
    responseElements: { ConsoleLogin: "Success" },
    additionalEventData: signedIn(false),
    sources: [SIGNIN_EVENTS, IAM_CLOUDTRAIL],
  },
  {
    key: "iam-user-with-mfa",
    description: "an IAM user signs in with a password and an MFA device",
    outcome: "success",
    identityType: "IAMUser",
    userIdentity: IAM_USER,
    awsRegions: IAM_USER_SIGN_IN_REGIONS,
    responseElements: { ConsoleLogin: "Success" },
    additionalEventData: signedIn(true, {
      MFAIdentifier: "arn:${partition}:iam::${account}:u2f/user/anaya/default-AAAAAAAABBBBBBBBCCCCCCCCDD",
    }),
    sources: [SIGNIN_EVENTS],
  },
  {
    key: "iam-user-failed",
    description: "an IAM user gives a wrong password",
    outcome: "failure",
    identityType: "IAMUser",
    userIdentity: IAM_USER_FAILED,
    awsRegions: IAM_USER_SIGN_IN_REGIONS,
    responseElements: { ConsoleLogin: "Failure" },
    additionalEventData: signedIn(false),
    errorMessage: "Failed authentication",
    sources: [SIGNIN_EVENTS, IAM_CLOUDTRAIL],
  },
  {
    // Not a "Failed authentication" record: CIS's pattern for authentication failures does not count it.
    key: "iam-user-unknown-name",
    description: "someone signs in with a user name the account does not have",
    outcome: "failure",
    identityType: "IAMUser",
    userIdentity: {
      type: "IAMUser",
      accountId: "${account}",
      accessKeyId: "",
      userName: "HIDDEN_DUE_TO_SECURITY_REASONS",
    },
    awsRegions: IAM_USER_SIGN_IN_REGIONS,
    responseElements: { ConsoleLogin: "Failure" },
    additionalEventData: signedIn(false),
    errorMessage: "No username found in supplied account",
    sources: [IAM_CLOUDTRAIL],
  },
  {
    key: "root-without-mfa",
    description: "the root user signs in with a password only",
    outcome: "success",
    identityType: "Root",
    userIdentity: ROOT,
    awsRegions: ROOT_SIGN_IN_REGIONS,
    responseElements: { ConsoleLogin: "Success" },
    additionalEventData: signedIn(false),
    sources: [SIGNIN_EVENTS],
  },
  {
    // The guide's record prints "MFAUsed": "YES" here, every other record "Yes"; this keeps the common spelling.
    key: "root-with-mfa",
    description: "the root user signs in with a password and an MFA device",
    outcome: "success",
    identityType: "Root",
    userIdentity: ROOT,
    awsRegions: ROOT_SIGN_IN_REGIONS,
    responseElements: { ConsoleLogin: "Success" },
    additionalEventData: signedIn(true, {
      MFAIdentifier: "arn:${partition}:iam::${account}:mfa/root-account-mfa-device",
    }),
    sources: [SIGNIN_EVENTS],
  },
  {
    key: "root-failed",
    description: "the root user gives a wrong password",
    outcome: "failure",
    identityType: "Root",
    userIdentity: ROOT,
    awsRegions: ROOT_SIGN_IN_REGIONS,
    responseElements: { ConsoleLogin: "Failure" },
    additionalEventData: signedIn(false),
    errorMessage: "Failed authentication",
    sources: [SIGNIN_EVENTS],
  },
  {
    // MFA happens at the identity provider, so the record says "No": CIS v1.4+ offers a variant of its no-MFA
    // pattern restricted to IAM users "to reduce false positives in case Single Sign-On (SSO) is used".
    key: "saml-federated",
    description: "a user federated through SAML (IAM Identity Center) opens the console in a role",
    outcome: "success",
    identityType: "AssumedRole",
    userIdentity: {
      type: "AssumedRole",
      principalId: "AROA3EXAMPLESSOROLEID:alice@example.com",
      arn: "arn:${partition}:sts::${account}:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/alice@example.com",
      accountId: "${account}",
    },
    awsRegions: ["us-east-1", "${region}"],
    responseElements: { ConsoleLogin: "Success" },
    additionalEventData: signedIn(false, {
      SamlProviderArn: "arn:${partition}:iam::${account}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE",
    }),
    sources: [PANTHER_SAML_LOGIN, SIGNIN_EVENTS, USER_IDENTITY_ELEMENT],
  },
  {
    key: "federated-user",
    description: "a federated user (GetFederationToken credentials) opens the console through a sign-in URL",
    outcome: "success",
    identityType: "FederatedUser",
    userIdentity: {
      type: "FederatedUser",
      principalId: "${account}:alice",
      arn: "arn:${partition}:sts::${account}:federated-user/alice",
      accountId: "${account}",
      sessionContext: {
        sessionIssuer: {
          type: "IAMUser",
          principalId: "AIDAJ45Q7YFFAREXAMPLE",
          arn: "arn:${partition}:iam::${account}:user/federation-broker",
          accountId: "${account}",
          userName: "federation-broker",
        },
      },
    },
    awsRegions: ["us-east-1", "${region}"],
    responseElements: { ConsoleLogin: "Success" },
    additionalEventData: signedIn(false),
    sources: [USER_IDENTITY_ELEMENT, SIGNIN_EVENTS],
  },
];
