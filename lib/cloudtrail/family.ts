/**
 * The family of CloudTrail's own trail calls (CreateTrail ... StopLogging), built by hand to CloudTrail's documented
 * records: for each required event name it varies the outcome, the caller, the event version, how the trail is
 * named (by name or by ARN: the one aspect particular to these calls), and the region (a covering subset of their
 * product). Other API calls get families built from their call shapes (families/api-calls.ts).
 */
import { callShapeOf } from "./calls";
import { INVARIANT_PATHS, CALLER_CHOSEN_TEXT } from "./fields";
import type { EventFamily, FamilyRecord, NegativeControl } from "./family-types";
import { CALLER_IDENTITIES, CallContext, CallerIdentity, CallerParts } from "./identities";
import { JsonObject, JsonValue, orderedObject } from "./json";
import { familyRecord } from "./families/family-record";
import type { KindAspect } from "./kinds";
import {
  ACCOUNT_ID,
  deterministicUuid,
  EVENT_VERSIONS,
  eventTimeOf,
  REGIONS,
  tlsDetails,
  versionAtLeast,
} from "./records";
import type { Region } from "./records";
import { nameNegatives } from "./negatives";

export interface EventFamilyOptions {
  readonly eventSource: string;
  readonly eventNames: readonly string[];
}

/** The family of CloudTrail's own calls, whose event source is fixed. */
export type TrailCallFamily = EventFamily & { readonly eventSource: string };

const TRAIL_NAMES: readonly string[] = ["management-events", "My-First-Trail", "org-audit", "security_logs"];

type Outcome =
  | { readonly key: "success" }
  /** An authorization failure, with the error code CloudTrail writes. */
  | { readonly key: "access-denied" | "access-denied-exception"; readonly errorCode: string }
  | { readonly key: "trail-not-found" }
  | { readonly key: "trail-already-exists" };

type TrailReference = "name" | "arn";

/** Everything that decides one record. */
export interface RecordPlan {
  readonly index: number;
  readonly eventSource: string;
  readonly eventName: string;
  readonly caller: CallerIdentity;
  readonly outcome: Outcome;
  readonly eventVersion: string;
  readonly trailReference: TrailReference;
  readonly region: Region;
  readonly trailName: string;
  /** Rotates CreateTrail/UpdateTrail request shapes. */
  readonly shape: number;
}

/**
 * The outcomes a call can have: success, the authorization failure, and the call's own not-found/exists error.
 * Public records disagree on CloudTrail's authorization failure: the API reference lists AccessDeniedException among
 * the errors common to all actions (the calls/ shapes write it), while denied CLI calls of cloudtrail:StopLogging
 * are also shown failing with "AccessDenied" (calls/cloudtrail.ts). Both are kept, AccessDenied first, so a pattern
 * must count either.
 */
function outcomesFor(eventName: string): readonly Outcome[] {
  const ownError: Outcome = eventName === "CreateTrail" ? { key: "trail-already-exists" } : { key: "trail-not-found" };
  const shape = callShapeOf("cloudtrail.amazonaws.com", eventName);
  const denied = [shape?.accessDenied, ...(shape?.alternativeAccessDenied ?? [])].map((error) => error?.errorCode);
  const codes = [...new Set(["AccessDenied", ...denied.filter((code): code is string => code !== undefined)])];
  // AccessDenied keeps its place (the rotations of the records before it are unchanged); other spellings follow.
  const others: Outcome[] = codes.slice(1).map((errorCode) => ({ key: "access-denied-exception", errorCode }));
  return [{ key: "success" }, { key: "access-denied", errorCode: "AccessDenied" }, ownError, ...others];
}

/** Whether the call names an existing trail (so a name or an ARN may be given). */
function takesTrailArn(eventName: string): boolean {
  return eventName !== "CreateTrail";
}

/**
 * Builds the family: for every event name, every caller identity with every outcome; the event version,
 * region, trail reference and trail name rotate so that every event sees every version, region and both
 * reference forms, and every caller sees every version across the family.
 */
export function buildEventFamily(options: EventFamilyOptions): TrailCallFamily {
  const plans: RecordPlan[] = [];
  options.eventNames.forEach((eventName, eventIndex) => {
    const outcomes = outcomesFor(eventName);
    CALLER_IDENTITIES.forEach((caller, callerIndex) => {
      outcomes.forEach((outcome, outcomeIndex) => {
        const index = plans.length;
        plans.push({
          index,
          eventSource: options.eventSource,
          eventName,
          caller,
          outcome,
          eventVersion: EVENT_VERSIONS[(callerIndex + 3 * outcomeIndex + eventIndex) % EVENT_VERSIONS.length],
          region: REGIONS[(2 * callerIndex + outcomeIndex + eventIndex) % REGIONS.length],
          trailReference:
            takesTrailArn(eventName) && (callerIndex + outcomeIndex + eventIndex) % 2 === 1 ? "arn" : "name",
          trailName: TRAIL_NAMES[(callerIndex + 2 * outcomeIndex) % TRAIL_NAMES.length],
          shape: callerIndex + outcomeIndex,
        });
      });
    });
  });
  const eventNames = [...options.eventNames];
  return {
    eventSource: options.eventSource,
    eventNames,
    subjects: eventNames,
    subjectStyle: "eventName",
    namedByEvent: true,
    notes: {},
    positives: plans.map(buildPositiveRecord),
    negatives: buildNegativeControls(options),
    membership: (record) =>
      record.eventSource === options.eventSource &&
      typeof record.eventName === "string" &&
      eventNames.includes(record.eventName)
        ? "target"
        : "outside",
    invariantPaths: INVARIANT_PATHS,
    keptPaths: INVARIANT_PATHS,
    callerChosenText: CALLER_CHOSEN_TEXT,
  };
}

function buildPositiveRecord(plan: RecordPlan): FamilyRecord {
  const id = [
    plan.eventName,
    plan.caller.key,
    plan.outcome.key,
    plan.eventVersion,
    plan.trailReference,
    plan.region.name,
  ];
  return familyRecord(id.join("/"), plan.eventName, buildRecord(plan), kindsOf(plan));
}

/** The kinds of call a record stands for, by aspect; coverage verdicts name the kinds a pattern misses. */
function kindsOf(plan: RecordPlan): Record<KindAspect, string[]> {
  const trail =
    plan.trailReference === "arn" ? "calls that name the trail by ARN" : "calls that name the trail by name";
  return {
    outcome:
      plan.outcome.key === "success"
        ? ["successful calls"]
        : ["calls that fail", `calls that fail with ${errorCodeOf(plan.outcome)}`],
    caller: [...plan.caller.callerKinds],
    client: [...plan.caller.clientKinds],
    trail: takesTrailArn(plan.eventName) ? [trail] : [],
    region: [`calls in ${plan.region.name}`],
    version: [`event version ${plan.eventVersion} records`],
  };
}

function errorCodeOf(outcome: Outcome): string {
  switch (outcome.key) {
    case "access-denied":
    case "access-denied-exception":
      return outcome.errorCode;
    case "trail-not-found":
      return "TrailNotFoundException";
    case "trail-already-exists":
      return "TrailAlreadyExistsException";
    case "success":
      return "";
  }
}

function trailArn(plan: RecordPlan, accountId = ACCOUNT_ID): string {
  return `arn:${plan.region.partition}:cloudtrail:${plan.region.name}:${accountId}:trail/${plan.trailName}`;
}

function bucketName(plan: RecordPlan): string {
  return `aws-cloudtrail-logs-${ACCOUNT_ID}-${plan.trailName.toLowerCase().replace(/_/g, "-")}`;
}

function logGroupArn(plan: RecordPlan): string {
  return `arn:${plan.region.partition}:logs:${plan.region.name}:${ACCOUNT_ID}:log-group:aws-cloudtrail-logs-${ACCOUNT_ID}:*`;
}

function logsRoleArn(plan: RecordPlan): string {
  return `arn:${plan.region.partition}:iam::${ACCOUNT_ID}:role/CloudTrailRoleForCloudWatchLogs_${plan.trailName}`;
}

function kmsKeyArn(plan: RecordPlan): string {
  return `arn:${plan.region.partition}:kms:${plan.region.name}:${ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
}

/** The trail settings a CreateTrail or UpdateTrail request carries, rotating between a few realistic shapes. */
function trailSettings(plan: RecordPlan): {
  multiRegion: boolean;
  organization: boolean;
  withLogs: boolean;
  withKms: boolean;
} {
  switch (plan.shape % 3) {
    case 0:
      return { multiRegion: true, organization: false, withLogs: true, withKms: false };
    case 1:
      return { multiRegion: true, organization: true, withLogs: true, withKms: true };
    default:
      return { multiRegion: false, organization: false, withLogs: false, withKms: false };
  }
}

function requestParametersOf(plan: RecordPlan): JsonObject {
  const name = plan.trailReference === "arn" ? trailArn(plan) : plan.trailName;
  const settings = trailSettings(plan);
  if (plan.eventName === "CreateTrail") {
    return orderedObject([
      ...trailBasics(plan, settings),
      ["enableLogFileValidation", true],
      ...trailTargets(plan, settings),
      [
        "tagsList",
        plan.shape % 2 === 0
          ? [
              orderedObject([
                ["key", "owner"],
                ["value", "security"],
              ]),
            ]
          : undefined,
      ],
    ]);
  }
  if (plan.eventName === "UpdateTrail") {
    switch (plan.shape % 3) {
      case 0:
        return orderedObject([
          ["name", name],
          ["cloudWatchLogsLogGroupArn", logGroupArn(plan)],
          ["cloudWatchLogsRoleArn", logsRoleArn(plan)],
        ]);
      case 1:
        return orderedObject([
          ["name", name],
          ["isMultiRegionTrail", true],
          ["enableLogFileValidation", true],
        ]);
      default:
        return orderedObject([
          ["name", name],
          ["s3BucketName", bucketName(plan)],
          ["kmsKeyId", kmsKeyArn(plan)],
        ]);
    }
  }
  return orderedObject([["name", name]]);
}

/** The trail description CreateTrail and UpdateTrail return on success; null for every other call. */
function responseElementsOf(plan: RecordPlan): JsonValue {
  if (plan.outcome.key !== "success") return null;
  if (plan.eventName !== "CreateTrail" && plan.eventName !== "UpdateTrail") return null;
  const settings = answeredSettings(plan);
  return orderedObject([
    ...trailBasics(plan, settings),
    ["trailARN", trailArn(plan)],
    ["logFileValidationEnabled", true],
    ...trailTargets(plan, settings),
  ]);
}

type TrailSettings = ReturnType<typeof trailSettings>;
type Entry = [string, JsonValue | undefined];

/** The fields CreateTrail's request and the trail description open with, in that order. */
function trailBasics(plan: RecordPlan, settings: TrailSettings): Entry[] {
  return [
    ["name", plan.trailName],
    ["s3BucketName", bucketName(plan)],
    ["s3KeyPrefix", settings.organization ? "org" : undefined],
    ["includeGlobalServiceEvents", true],
    ["isMultiRegionTrail", settings.multiRegion],
  ];
}

/** The log group, role, KMS key and organization fields that both close with (absent ones skipped). */
function trailTargets(plan: RecordPlan, settings: TrailSettings): Entry[] {
  return [
    ["cloudWatchLogsLogGroupArn", settings.withLogs ? logGroupArn(plan) : undefined],
    ["cloudWatchLogsRoleArn", settings.withLogs ? logsRoleArn(plan) : undefined],
    ["kmsKeyId", settings.withKms ? kmsKeyArn(plan) : undefined],
    ["isOrganizationTrail", settings.organization],
  ];
}

function errorMessageOf(plan: RecordPlan, caller: CallerParts): string | undefined {
  switch (plan.outcome.key) {
    case "success":
      return undefined;
    case "access-denied":
    case "access-denied-exception":
      return `User: ${caller.deniedPrincipal} is not authorized to perform: cloudtrail:${plan.eventName} on resource: ${trailArn(plan)} because no identity-based policy allows the cloudtrail:${plan.eventName} action`;
    case "trail-not-found":
      return `Unknown trail: ${plan.trailReference === "arn" ? trailArn(plan) : plan.trailName} for the user: ${ACCOUNT_ID}`;
    case "trail-already-exists":
      return `Trail ${plan.trailName} already exists for customer: ${ACCOUNT_ID}`;
  }
}

function tlsDetailsOf(plan: RecordPlan, caller: CallerParts): JsonObject | undefined {
  if (!versionAtLeast(plan.eventVersion, "1.08") || !caller.hasTlsDetails) return undefined;
  return tlsDetails(plan.index, `cloudtrail.${plan.region.name}.${plan.region.dnsSuffix}`);
}

/** One CloudTrail record, keys in CloudTrail's order, optional fields present only where CloudTrail writes them. */
export function buildRecord(plan: RecordPlan): JsonObject {
  const eventTime = eventTimeOf(plan.index);
  const context: CallContext = {
    accountId: ACCOUNT_ID,
    partition: plan.region.partition,
    region: plan.region.name,
    eventName: plan.eventName,
    sessionStart: eventTimeOf(plan.index, -12),
  };
  const caller = plan.caller.build(context);
  const failed = plan.outcome.key !== "success";
  return orderedObject([
    ["eventVersion", plan.eventVersion],
    ["userIdentity", caller.userIdentity],
    ["eventTime", eventTime],
    ["eventSource", plan.eventSource],
    ["eventName", plan.eventName],
    ["awsRegion", plan.region.name],
    ["sourceIPAddress", caller.sourceIPAddress],
    ["userAgent", caller.userAgent],
    ["errorCode", failed ? errorCodeOf(plan.outcome) : undefined],
    ["errorMessage", errorMessageOf(plan, caller)],
    ["requestParameters", requestParametersOf(plan)],
    ["responseElements", responseElementsOf(plan)],
    ["requestID", deterministicUuid(2 * plan.index)],
    ["eventID", deterministicUuid(2 * plan.index + 1)],
    ["readOnly", false],
    ["eventType", "AwsApiCall"],
    ["managementEvent", versionAtLeast(plan.eventVersion, "1.06") ? true : undefined],
    ["recipientAccountId", ACCOUNT_ID],
    ["eventCategory", versionAtLeast(plan.eventVersion, "1.07") ? "Management" : undefined],
    ["tlsDetails", tlsDetailsOf(plan, caller)],
    [
      "sessionCredentialFromConsole",
      versionAtLeast(plan.eventVersion, "1.09") && caller.fromConsole ? "true" : undefined,
    ],
  ]);
}

/** A plausible record of some other call, for negative controls. */
function otherCall(
  index: number,
  eventSource: string,
  eventName: string,
  readOnly: boolean,
  requestParameters: JsonValue,
): string {
  const plan: RecordPlan = {
    index: 10_000 + index,
    eventSource,
    eventName,
    caller: CALLER_IDENTITIES[3],
    outcome: { key: "success" },
    eventVersion: "1.09",
    trailReference: "name",
    region: REGIONS[0],
    trailName: "management-events",
    shape: 0,
  };
  const record = buildRecord(plan);
  return JSON.stringify({ ...record, requestParameters, readOnly });
}

/**
 * Messages a pattern for the required calls need not match: reads, other writes, near-miss spellings, other case,
 * the same name from another event source, an Insights event, and a message that is not JSON. A pattern that
 * matches some of them is broader than required, which is acceptable (unless they are routine) but worth reporting.
 */
export function buildNegativeControls(options: EventFamilyOptions): NegativeControl[] {
  const trail = { name: "management-events" };
  const controls: NegativeControl[] = [];
  const add = (id: string, description: string, message: string): void => {
    controls.push({ id, description, message });
  };
  const source = options.eventSource;
  const reads: ReadonlyArray<readonly [string, JsonValue]> = [
    ["DescribeTrails", { trailNameList: [], includeShadowTrails: true }],
    ["GetTrail", trail],
    ["GetTrailStatus", trail],
    ["ListTrails", null],
    ["LookupEvents", { maxResults: 50 }],
    ["GetEventSelectors", { trailName: "management-events" }],
  ];
  reads.forEach(([name, parameters], i) =>
    add(`read/${name}`, `a read: ${name}`, otherCall(i, source, name, true, parameters)),
  );
  const writes: ReadonlyArray<readonly [string, JsonValue]> = [
    [
      "PutEventSelectors",
      { trailName: "management-events", eventSelectors: [{ readWriteType: "All", includeManagementEvents: true }] },
    ],
    [
      "PutInsightSelectors",
      { trailName: "management-events", insightSelectors: [{ insightType: "ApiCallRateInsight" }] },
    ],
    ["AddTags", { resourceId: "management-events", tagsList: [{ key: "owner", value: "security" }] }],
    ["CreateEventDataStore", { name: "lake-store" }],
    ["StopEventDataStoreIngestion", { eventDataStore: "lake-store" }],
  ];
  writes.forEach(([name, parameters], i) =>
    add(`write/${name}`, `another write: ${name}`, otherCall(10 + i, source, name, false, parameters)),
  );
  const first = options.eventNames[0] ?? "CreateTrail";
  const last = options.eventNames[options.eventNames.length - 1] ?? first;
  const named = (index: number, eventSource: string, eventName: string): string =>
    otherCall(index, eventSource, eventName, false, trail);
  return [...controls, ...nameNegatives(source, first, last, named)];
}

/**
 * The settings of the trail a successful call describes: the request's shape, and for an UpdateTrail whose request
 * sets a KMS key that key (API reference, UpdateTrail, "Response Elements": the trail as updated).
 */
function answeredSettings(plan: RecordPlan): TrailSettings {
  const settings = trailSettings(plan);
  const setsKey = plan.eventName === "UpdateTrail" && requestParametersOf(plan).kmsKeyId !== undefined;
  return setsKey ? { ...settings, withKms: true } : settings;
}
