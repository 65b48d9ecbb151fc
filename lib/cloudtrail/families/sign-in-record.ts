/**
 * One ConsoleLogin record from a sign-in variant (calls/signin.ts), as the CloudTrail user guide's "AWS Management
 * Console sign-in events" prints them: requestParameters null, the outcome in responseElements, additionalEventData
 * with LoginTo, MobileVersion and MFAUsed, an errorMessage (and no errorCode) on failure, eventType AwsConsoleSignIn,
 * no requestID, and "readOnly": false in records since event version 1.08.
 */
import { fillPlaceholders, fillString } from "../calls";
import type { ConsoleSignInVariant } from "../calls";
import type { JsonObject } from "../json";
import { orderedObject } from "../json";
import { ACCOUNT_ID, deterministicUuid, eventTimeOf, regionNamed, versionAtLeast } from "../records";

/** Browsers people sign in with (their user agents as CloudTrail records them). */
export const BROWSER_AGENTS: readonly string[] = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
  "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
];

/** Regional sign-in endpoints a `${region}` of a variant stands for. */
const REGIONAL_SIGN_IN: readonly string[] = ["eu-west-1", "ap-southeast-2"];

/** The regions a variant's sign-ins are recorded in, `${region}` replaced by regional endpoints. */
export function signInRegions(variant: ConsoleSignInVariant): string[] {
  return [...new Set(variant.awsRegions.flatMap((region) => (region === "${region}" ? REGIONAL_SIGN_IN : [region])))];
}

export interface SignInPlan {
  readonly index: number;
  readonly variant: ConsoleSignInVariant;
  readonly region: string;
  readonly eventVersion: string;
  readonly userAgent: string;
}

export function signInRecord(plan: SignInPlan): JsonObject {
  const region = regionNamed(plan.region);
  const values = { account: ACCOUNT_ID, partition: region.partition, region: region.name };
  const variant = plan.variant;
  return orderedObject([
    ["eventVersion", plan.eventVersion],
    ["userIdentity", fillPlaceholders(variant.userIdentity, values)],
    ["eventTime", eventTimeOf(plan.index)],
    ["eventSource", "signin.amazonaws.com"],
    ["eventName", "ConsoleLogin"],
    ["awsRegion", region.name],
    ["sourceIPAddress", "198.51.100.23"],
    ["userAgent", plan.userAgent],
    ["errorMessage", variant.errorMessage === undefined ? undefined : fillString(variant.errorMessage, values)],
    ["requestParameters", null],
    ["responseElements", fillPlaceholders(variant.responseElements, values)],
    ["additionalEventData", fillPlaceholders(variant.additionalEventData, values)],
    ["eventID", deterministicUuid(2 * plan.index + 1)],
    ["readOnly", versionAtLeast(plan.eventVersion, "1.08") ? false : undefined],
    ["eventType", "AwsConsoleSignIn"],
    ["managementEvent", versionAtLeast(plan.eventVersion, "1.06") ? true : undefined],
    ["recipientAccountId", ACCOUNT_ID],
    ["eventCategory", versionAtLeast(plan.eventVersion, "1.07") ? "Management" : undefined],
  ]);
}
