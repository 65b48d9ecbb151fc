/**
 * One CloudTrail record of an API call, built from the call's shape (calls/), a caller (identities.ts), an outcome,
 * an event version and a region: keys in CloudTrail's order, optional fields only where CloudTrail writes them
 * (CloudTrail user guide, "CloudTrail record contents"). A failed call carries errorCode and errorMessage and a null
 * responseElements; an authorization failure names the caller, as AWS's "User: <arn> is not authorized" does.
 */
import { DENIED_PRINCIPAL, fillPlaceholders, fillString } from "../calls";
import type { CallError, CallShape } from "../calls";
import type { CallerIdentity } from "../identities";
import { orderedObject } from "../json";
import type { JsonObject, JsonValue } from "../json";
import { ACCOUNT_ID, deterministicUuid, eventTimeOf, REGIONS, tlsDetails, versionAtLeast } from "../records";
import type { Region } from "../records";
import { memoTable } from "../../memo";

/** How a call ends: success, or one of its failures (`authorization` when it is the access-denied shape). */
export type ShapeOutcome =
  | { readonly kind: "success" }
  | { readonly kind: "failure"; readonly error: CallError; readonly authorization: boolean };

export interface ShapePlan {
  /** The record's position: ids and times derive from it. */
  readonly index: number;
  readonly shape: CallShape;
  readonly caller: CallerIdentity;
  readonly outcome: ShapeOutcome;
  readonly eventVersion: string;
  /** The region the call is made in (a global or fixed-region call is recorded in its own region instead). */
  readonly region: Region;
  /** Which request shape: 0 the shape's own, n its n-th alternative (taken modulo their number). */
  readonly request: number;
}

/** The AWS CLI command group of an event source (`s3api` for S3, `configservice` for AWS Config). */
const CLI_SERVICES: Readonly<Record<string, string>> = { s3: "s3api", config: "configservice" };

function servicePrefix(eventSource: string): string {
  return eventSource.split(".")[0];
}

/**
 * The region CloudTrail records a call in: us-east-1 for global-service events and for a service with a recorded
 * region (calls/types.ts `globalService`, `recordedRegion`), else the region the call is made in.
 */
export function recordedRegionOf(shape: CallShape, region: Region): Region {
  const fixed = shape.recordedRegion ?? (shape.globalService ? "us-east-1" : undefined);
  if (fixed === undefined) return region;
  return (
    REGIONS.find((candidate) => candidate.name === fixed) ?? {
      name: fixed,
      partition: "aws",
      dnsSuffix: "amazonaws.com",
    }
  );
}

/** The endpoint a caller's TLS session names: the global endpoint of a global service, else the regional one. */
function hostOf(shape: CallShape, region: Region): string {
  const prefix = servicePrefix(shape.eventSource);
  return shape.globalService ? `${prefix}.amazonaws.com` : `${prefix}.${region.name}.${region.dnsSuffix}`;
}

/** Filled copies of a shape's JSON parts, per part and region: records of one region share them. */
const filled = memoTable<object, Map<string, JsonValue>>();

function filledFor<T extends JsonValue>(part: T, values: { account: string; partition: string; region: string }): T {
  if (part === null || typeof part !== "object") return fillPlaceholders(part, values);
  let byRegion = filled.get(part);
  if (!byRegion) {
    byRegion = new Map();
    filled.set(part, byRegion);
  }
  const key = `${values.partition} ${values.region}`;
  let value = byRegion.get(key);
  if (value === undefined) {
    value = fillPlaceholders(part, values);
    byRegion.set(key, value);
  }
  return value as T;
}

function requestOf(shape: CallShape, request: number): JsonObject | null {
  const all = [shape.requestParameters, ...(shape.alternativeRequests ?? [])];
  return all[request % all.length] ?? null;
}

/** The record of one call. */
export function shapeRecord(plan: ShapePlan): JsonObject {
  const { shape, outcome } = plan;
  const region = recordedRegionOf(shape, plan.region);
  const values = { account: ACCOUNT_ID, partition: region.partition, region: region.name };
  const caller = plan.caller.build({
    accountId: ACCOUNT_ID,
    partition: region.partition,
    region: region.name,
    eventName: shape.eventName,
    cliService: CLI_SERVICES[servicePrefix(shape.eventSource)] ?? servicePrefix(shape.eventSource),
    sessionStart: eventTimeOf(plan.index, -12),
  });
  const failed = outcome.kind === "failure";
  const request = requestOf(shape, plan.request);
  const errorMessage = failed
    ? fillString(outcome.error.errorMessage, values)
        .split(fillString(DENIED_PRINCIPAL, values))
        .join(caller.deniedPrincipal)
    : undefined;
  const response: JsonValue = failed ? null : filledFor(shape.responseElements, values);
  return orderedObject([
    ["eventVersion", plan.eventVersion],
    ["userIdentity", caller.userIdentity],
    ["eventTime", eventTimeOf(plan.index)],
    ["eventSource", shape.eventSource],
    ["eventName", shape.eventName],
    ["awsRegion", region.name],
    ["sourceIPAddress", caller.sourceIPAddress],
    ["userAgent", caller.userAgent],
    ["errorCode", failed ? outcome.error.errorCode : undefined],
    ["errorMessage", errorMessage],
    ["requestParameters", request === null ? null : filledFor(request, values)],
    ["responseElements", response],
    [
      "additionalEventData",
      shape.additionalEventData === undefined ? undefined : filledFor(shape.additionalEventData, values),
    ],
    ["requestID", deterministicUuid(2 * plan.index)],
    ["eventID", deterministicUuid(2 * plan.index + 1)],
    ["readOnly", shape.readOnly],
    ["eventType", shape.eventType ?? "AwsApiCall"],
    ["managementEvent", versionAtLeast(plan.eventVersion, "1.06") ? true : undefined],
    ["recipientAccountId", ACCOUNT_ID],
    ["eventCategory", versionAtLeast(plan.eventVersion, "1.07") ? "Management" : undefined],
    [
      "tlsDetails",
      versionAtLeast(plan.eventVersion, "1.08") && caller.hasTlsDetails
        ? tlsDetails(plan.index, hostOf(shape, region))
        : undefined,
    ],
    [
      "sessionCredentialFromConsole",
      versionAtLeast(plan.eventVersion, "1.09") && caller.fromConsole ? "true" : undefined,
    ],
  ]);
}

/** Every failure of a call, one per error code: its authorization failure(s) first, then its own errors. */
export function failuresOf(shape: CallShape, withAuthorization = true): ShapeOutcome[] {
  const denied = withAuthorization ? [shape.accessDenied, ...(shape.alternativeAccessDenied ?? [])] : [];
  const outcomes: ShapeOutcome[] = [];
  const seen = new Set<string>();
  for (const error of denied) {
    if (error === null || error === undefined || seen.has(error.errorCode)) continue;
    seen.add(error.errorCode);
    outcomes.push({ kind: "failure", error, authorization: true });
  }
  for (const error of shape.errors) {
    if (seen.has(error.errorCode)) continue;
    seen.add(error.errorCode);
    outcomes.push({ kind: "failure", error, authorization: false });
  }
  return outcomes;
}
