/**
 * The CIS AWS Foundations "Monitoring" controls (metric filter + alarm on CloudTrail events) as data: where each
 * sits in each framework, the CloudTrail records a covering filter must match, and every spelling of the pattern
 * the benchmark versions and AWS Security Hub print.
 */

/** The controls, by stable id (kebab-case). */
export type ControlId =
  | "unauthorized-api-calls"
  | "console-signin-without-mfa"
  | "root-account-usage"
  | "iam-policy-changes"
  | "cloudtrail-changes"
  | "console-authentication-failures"
  | "kms-key-disable-or-deletion"
  | "s3-bucket-policy-changes"
  | "aws-config-changes"
  | "security-group-changes"
  | "network-acl-changes"
  | "network-gateway-changes"
  | "route-table-changes"
  | "vpc-changes"
  | "organizations-changes";

/** A public source a datum was taken from or checked against. */
export interface Source {
  readonly title: string;
  readonly url: string;
}

/** Where the control sits in each framework. `undefined`: the framework has no such control. */
export interface ControlReferences {
  /** CIS AWS Foundations Benchmark v1.2.0, e.g. "3.5". */
  readonly cisV12: string | undefined;
  /** CIS v1.4.0 through v5.0.0, e.g. "4.5". */
  readonly cisV14ToV5: string;
  /** CIS v6.0.0 and v7.0.0, e.g. "5.5". */
  readonly cisV6ToV7: string;
  /** AWS Security Hub (CSPM) control id, e.g. "CloudWatch.5". */
  readonly securityHub: string | undefined;
}

/** One spelling of the pattern a CIS version (or Security Hub) prescribes, verbatim, whitespace included. */
export interface PrescribedPattern {
  /** The documents that print exactly this text, e.g. ["CIS v1.4.0", "CIS v1.5.0"] or ["Security Hub CloudWatch.5"]. */
  readonly documents: readonly string[];
  readonly text: string;
  /** Where it was read (a CIS PDF is not public: use a public page that quotes it, e.g. AWS Security Hub docs,
   *  Prowler's / CloudSploit's / Trivy's / KICS's code or metadata, an AWS blog, a CIS WorkBench mirror). */
  readonly sources: readonly Source[];
  /** True when the text counts routine records (it matches nearly every record): documentation only, it is not
   *  expected to pass. Example: the CIS v1.4/v1.5 text of 4.1, whose four clauses are all joined by `||`. */
  readonly countsRoutineRecords?: boolean;
}

/** The CloudTrail records a covering metric filter must match. */
export type TargetSet =
  /** Management API calls of one service, by event name (every caller, success and failure). */
  | {
      readonly kind: "apiCalls";
      readonly eventSource: string;
      readonly eventNames: readonly string[];
      /** Calls a covering filter MAY leave out (e.g. the retired EC2-ClassicLink calls). */
      readonly optionalEventNames?: readonly string[];
      /** Per event name, a sentence a message adds when a filter misses that call, e.g. for
       *  ModifySecurityGroupRules: "added in CIS v5.0.0; since 2021 it changes security group rules without
       *  Authorize* or Revoke* calls". */
      readonly eventNotes?: Readonly<Record<string, string>>;
    }
  /** Calls that fail authorization: `errorCode` matching one of the wildcard patterns (`*X` suffix, `X*` prefix),
   *  except records a filter may match or not (`exempt`: record field -> values). */
  | {
      readonly kind: "failedAuthorization";
      readonly errorCodePatterns: readonly string[];
      readonly exempt: Readonly<Record<string, readonly string[]>>;
    }
  /** ConsoleLogin records (signin.amazonaws.com). */
  | {
      readonly kind: "consoleSignIn";
      /** "success": responseElements.ConsoleLogin "Success"; "failure": errorMessage "Failed authentication". */
      readonly outcome: "success" | "failure";
      /** userIdentity.type values the records cover, e.g. ["IAMUser"] for sign-in without MFA. */
      readonly identityTypes: readonly string[];
      /** additionalEventData.MFAUsed the records carry, when the control is about it. */
      readonly mfaUsed?: "Yes" | "No";
    }
  /** Any record made by the root user itself: userIdentity.type "Root", no userIdentity.invokedBy, eventType other
   *  than "AwsServiceEvent". */
  | { readonly kind: "rootActivity" };

export interface ControlDefinition {
  readonly id: ControlId;
  /** Short name for messages: "CloudTrail configuration changes". */
  readonly name: string;
  /** One of them, for messages: "CloudTrail configuration change" ("would not fire on a single ..."). */
  readonly nameOfOne: string;
  /** The CIS recommendation title (v3.0.0 wording): "Ensure CloudTrail configuration changes are monitored". */
  readonly title: string;
  readonly references: ControlReferences;
  readonly target: TargetSet;
  /** Every version's spelling (CIS v1.2 ... v7, Security Hub), quoted and unquoted forms as printed. */
  readonly prescribedPatterns: readonly PrescribedPattern[];
  /** The metric name and namespace the fix snippets use (CIS remediation text / AWS docs where they give one). */
  readonly metric: { readonly name: string; readonly namespace: string };
  /** The alarm name fix snippets use (e.g. Cloud Conformity's "CloudTrail Changes"). */
  readonly alarmName: string;
  /** Where the event names, sources and conditions were read, and the second source they were checked against. */
  readonly sources: readonly Source[];
}
