/**
 * What CloudTrail documents about the fields of the required records (AWS CloudTrail user guide, "CloudTrail record contents"):
 * for each key path, its JSON type, whether it is always present, and realistic values the family does not
 * already hold. The coverage judgment uses this to build adversarial variants of family records: a condition
 * on a field that varies between real calls narrows a pattern even when no family record shows it.
 */
import type { CallerChosenText } from "./family-types";
import { isJsonObject } from "./json";
import type { JsonObject, JsonValue } from "./json";

export type FieldType = "string" | "boolean" | "object" | "array";

export interface FieldSpec {
  readonly type: FieldType;
  /** `always`: every record of the required calls has the field; `optional`: some records lack it. */
  readonly presence: "always" | "optional";
  /** Whether the documented value may be JSON null (responseElements). */
  readonly nullable?: boolean;
  /**
   * The same for every record of the required calls, or fully represented by the family (so a condition on
   * it cannot narrow beyond what the family shows): eventName, eventSource, eventType, readOnly,
   * managementEvent (true, or absent before 1.06), eventCategory ("Management", or absent before 1.07).
   */
  readonly invariant?: boolean;
  /** Realistic values a real call may carry that the family lacks, tried as variants. */
  readonly others?: readonly JsonValue[];
}

const ALWAYS_STRING: FieldSpec = { type: "string", presence: "always", others: ["zz-other"] };
const OPTIONAL_STRING: FieldSpec = { type: "string", presence: "optional", others: ["zz-other"] };
const OPTIONAL_BOOLEAN: FieldSpec = { type: "boolean", presence: "optional", others: [true, false] };
const OPTIONAL_OBJECT: FieldSpec = { type: "object", presence: "optional", others: [{}] };

const ISSUER: Record<string, FieldSpec> = {
  type: { type: "string", presence: "optional", others: ["Role", "IAMUser"] },
  principalId: OPTIONAL_STRING,
  arn: OPTIONAL_STRING,
  accountId: { type: "string", presence: "optional", others: ["444455556666"] },
  userName: OPTIONAL_STRING,
};

/** Documented fields of the required records, by dotted key path. */
const FIELD_SPECS: ReadonlyMap<string, FieldSpec> = new Map<string, FieldSpec>([
  ["eventVersion", { type: "string", presence: "always", others: ["1.12", "2.0"] }],
  ["userIdentity", { type: "object", presence: "always" }],
  [
    "userIdentity.type",
    {
      type: "string",
      presence: "always",
      others: ["IdentityCenterUser", "SAMLUser", "WebIdentityUser", "Root", "IAMUser", "AssumedRole", "AWSService"],
    },
  ],
  ["userIdentity.principalId", OPTIONAL_STRING],
  ["userIdentity.arn", OPTIONAL_STRING],
  ["userIdentity.accountId", { type: "string", presence: "optional", others: ["444455556666"] }],
  ["userIdentity.accessKeyId", OPTIONAL_STRING],
  ["userIdentity.userName", OPTIONAL_STRING],
  [
    "userIdentity.invokedBy",
    { type: "string", presence: "optional", others: ["signin.amazonaws.com", "zz-other.amazonaws.com"] },
  ],
  ["userIdentity.identityProvider", OPTIONAL_STRING],
  ["userIdentity.credentialId", OPTIONAL_STRING],
  ["userIdentity.onBehalfOf", OPTIONAL_OBJECT],
  ["userIdentity.sessionContext", OPTIONAL_OBJECT],
  ["userIdentity.sessionContext.sessionIssuer", OPTIONAL_OBJECT],
  ...Object.entries(ISSUER).map(([key, spec]): [string, FieldSpec] => [
    `userIdentity.sessionContext.sessionIssuer.${key}`,
    spec,
  ]),
  ["userIdentity.sessionContext.webIdFederationData", OPTIONAL_OBJECT],
  ["userIdentity.sessionContext.webIdFederationData.federatedProvider", OPTIONAL_STRING],
  ["userIdentity.sessionContext.attributes", OPTIONAL_OBJECT],
  ["userIdentity.sessionContext.attributes.creationDate", OPTIONAL_STRING],
  [
    "userIdentity.sessionContext.attributes.mfaAuthenticated",
    { type: "string", presence: "optional", others: ["true", "false"] },
  ],
  ["userIdentity.sessionContext.sourceIdentity", OPTIONAL_STRING],
  ["userIdentity.sessionContext.ec2RoleDelivery", OPTIONAL_STRING],
  ["eventTime", { type: "string", presence: "always", others: ["2031-12-31T23:59:59Z"] }],
  ["eventSource", { type: "string", presence: "always", invariant: true }],
  ["eventName", { type: "string", presence: "always", invariant: true }],
  ["awsRegion", { type: "string", presence: "always", others: ["me-central-1", "us-west-2"] }],
  ["sourceIPAddress", { type: "string", presence: "always", others: ["10.0.12.34", "AWS Internal", "zz-other"] }],
  [
    "userAgent",
    {
      type: "string",
      presence: "optional",
      others: ["aws-sdk-java/2.25.11 Linux/6.1 OpenJDK_64-Bit_Server_VM/21", "AWS Internal"],
    },
  ],
  [
    "errorCode",
    { type: "string", presence: "optional", others: ["ThrottlingException", "InvalidParameterCombinationException"] },
  ],
  ["errorMessage", OPTIONAL_STRING],
  ["requestParameters", { type: "object", presence: "always" }],
  ["requestParameters.name", { type: "string", presence: "always", others: ["zz-other"] }],
  ["requestParameters.s3BucketName", OPTIONAL_STRING],
  ["requestParameters.s3KeyPrefix", OPTIONAL_STRING],
  ["requestParameters.snsTopicName", OPTIONAL_STRING],
  ["requestParameters.includeGlobalServiceEvents", OPTIONAL_BOOLEAN],
  ["requestParameters.isMultiRegionTrail", OPTIONAL_BOOLEAN],
  ["requestParameters.enableLogFileValidation", OPTIONAL_BOOLEAN],
  ["requestParameters.cloudWatchLogsLogGroupArn", OPTIONAL_STRING],
  ["requestParameters.cloudWatchLogsRoleArn", OPTIONAL_STRING],
  ["requestParameters.kmsKeyId", OPTIONAL_STRING],
  ["requestParameters.isOrganizationTrail", OPTIONAL_BOOLEAN],
  ["requestParameters.tagsList", { type: "array", presence: "optional" }],
  ["responseElements", { type: "object", presence: "always", nullable: true, others: [{}] }],
  ["additionalEventData", OPTIONAL_OBJECT],
  ["requestID", ALWAYS_STRING],
  ["eventID", ALWAYS_STRING],
  ["readOnly", { type: "boolean", presence: "always", invariant: true }],
  ["resources", { type: "array", presence: "optional" }],
  ["eventType", { type: "string", presence: "always", invariant: true }],
  ["apiVersion", OPTIONAL_STRING],
  ["managementEvent", { type: "boolean", presence: "optional", invariant: true }],
  ["recipientAccountId", { type: "string", presence: "always", others: ["444455556666"] }],
  ["sharedEventID", OPTIONAL_STRING],
  ["vpcEndpointId", { type: "string", presence: "optional", others: ["vpce-0123456789abcdef0"] }],
  ["vpcEndpointAccountId", OPTIONAL_STRING],
  ["eventCategory", { type: "string", presence: "optional", invariant: true }],
  ["tlsDetails", OPTIONAL_OBJECT],
  ["tlsDetails.tlsVersion", { type: "string", presence: "optional", others: ["TLSv1.2", "TLSv1.3"] }],
  ["tlsDetails.cipherSuite", OPTIONAL_STRING],
  ["tlsDetails.clientProvidedHostHeader", OPTIONAL_STRING],
  ["sessionCredentialFromConsole", { type: "string", presence: "optional", others: ["true"] }],
  ["addendum", OPTIONAL_OBJECT],
  ["edgeDeviceDetails", OPTIONAL_OBJECT],
]);

/**
 * The dotted name of a key path, as the field specs and the families' invariant paths name paths
 * (`userIdentity.type`); undefined when a key holds a dot (`$.['userIdentity.type']`, a top-level key of that name),
 * which no documented key does: such a path is named by no dotted name, and is not the nested field its text reads as.
 */
export function dottedPathOf(path: readonly string[]): string | undefined {
  return path.some((key) => key.includes(".")) ? undefined : path.join(".");
}

/** The documented spec of a key path, or undefined for a path CloudTrail does not document for these calls. */
export function fieldSpecOf(path: readonly string[]): FieldSpec | undefined {
  const name = dottedPathOf(path);
  return name === undefined ? undefined : FIELD_SPECS.get(name);
}

/** Whether a condition on this path cannot narrow beyond what the family shows. */
export function isInvariantPath(path: readonly string[]): boolean {
  const name = dottedPathOf(path);
  return name !== undefined && INVARIANT_PATHS.has(name);
}

/** The dotted paths of the fields that are the same for every record of the required calls (see `FieldSpec`). */
export const INVARIANT_PATHS: ReadonlySet<string> = new Set(
  [...FIELD_SPECS].filter(([, spec]) => spec.invariant === true).map(([path]) => path),
);

const prefixesOfSets = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

/** Every dotted path followed by `.` at the start of a kept path: where a kept path may lie below. */
function prefixesOf(kept: ReadonlySet<string>): ReadonlySet<string> {
  let prefixes = prefixesOfSets.get(kept);
  if (!prefixes) {
    prefixes = new Set(
      [...kept].flatMap((path) => [...path].flatMap((ch, index) => (ch === "." ? [path.slice(0, index)] : []))),
    );
    prefixesOfSets.set(kept, prefixes);
  }
  return prefixes;
}

/**
 * The record with every string field that varies between calls rewritten: strings outside arrays and off the
 * invariant paths (as `isInvariantPath` decides). One pass; objects are copied only where something changed,
 * keys keep their order, and an unchanged record is returned as is.
 */
export function rewriteVaryingStrings(record: JsonObject, rewrite: (value: string) => string): JsonObject {
  return rewriteStrings(record, rewrite, INVARIANT_PATHS);
}

/** `rewriteVaryingStrings` keeping the strings at the dotted paths of `kept` instead. */
export function rewriteStrings(
  record: JsonObject,
  rewrite: (value: string) => string,
  kept: ReadonlySet<string>,
): JsonObject {
  return rewriteStringsIn(record, null, rewrite, kept, prefixesOf(kept));
}

/**
 * `prefix`: the dotted path of `node`; null at the root; undefined when no kept path lies below `node` (then no
 * path needs to be spelled out).
 */
function rewriteStringsIn(
  node: JsonObject,
  prefix: string | null | undefined,
  rewrite: (value: string) => string,
  kept: ReadonlySet<string>,
  prefixes: ReadonlySet<string>,
): JsonObject {
  let copy: { [key: string]: JsonValue } | undefined;
  for (const key of Object.keys(node)) {
    const value = node[key];
    const path = prefix === null ? key : prefix === undefined ? undefined : `${prefix}.${key}`;
    let next = value;
    if (typeof value === "string") {
      if (path === undefined || !kept.has(path)) next = rewrite(value);
    } else if (isJsonObject(value)) {
      next = rewriteStringsIn(
        value,
        path !== undefined && prefixes.has(path) ? path : undefined,
        rewrite,
        kept,
        prefixes,
      );
    }
    if (next === value) continue;
    copy ??= { ...node };
    copy[key] = next;
  }
  return copy ?? node;
}

/** The user agent: any SDK lets the caller append to it. */
export const USER_AGENT_TEXT: CallerChosenText = {
  path: ["userAgent"],
  label: "user agent",
  accepts: /^[\x20-\x7e]{1,200}$/,
};
/** A trail's name: letters, digits, `.`, `_`, `-` (CloudTrail API Reference, CreateTrail `Name`). */
export const TRAIL_NAME_TEXT: CallerChosenText = {
  path: ["requestParameters", "name"],
  label: "trail name",
  accepts: /^[A-Za-z0-9._-]{3,128}$/,
};

/**
 * Text fields a caller chooses freely in CloudTrail's trail calls, so a word excluded by a term pattern can be
 * slipped into them: the user agent and the trail name.
 */
export const CALLER_CHOSEN_TEXT: readonly CallerChosenText[] = [USER_AGENT_TEXT, TRAIL_NAME_TEXT];
