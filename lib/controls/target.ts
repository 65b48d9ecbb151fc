/**
 * Questions about a control's target set that every layer asks: which events to name in messages, which
 * management events a trail must record for the chain to see them, and the pattern fix snippets show.
 */
import type { ControlDefinition, TargetSet } from "./types";

/** An event as a trail's event selectors see it: record field -> value (`readOnly` as "true"/"false"). */
export type SelectorFacts = Readonly<Record<string, string>>;

/** The event names a message lists for the control ("CreateTrail, UpdateTrail, ..."), or a description. */
export function targetEventNames(target: TargetSet): readonly string[] {
  switch (target.kind) {
    case "apiCalls":
      return target.eventNames;
    case "consoleSignIn":
      return ["ConsoleLogin"];
    case "failedAuthorization":
      return target.errorCodePatterns.map((pattern) => `calls failing with ${pattern}`);
    case "rootActivity":
      return ["calls by the root user"];
  }
}

/** The event sources of the target records, when they are fixed (empty: any service). */
export function targetEventSources(target: TargetSet): readonly string[] {
  switch (target.kind) {
    case "apiCalls":
      return [target.eventSource];
    case "consoleSignIn":
      return ["signin.amazonaws.com"];
    default:
      return [];
  }
}

/**
 * Services whose management events, read and write, stand for "any call" when the target set is not tied to
 * one service (failed authorization, root activity): a trail that records none of them records no target event.
 */
const anyServiceSources: readonly string[] = [
  "ec2.amazonaws.com",
  "iam.amazonaws.com",
  "s3.amazonaws.com",
  "kms.amazonaws.com",
  "sts.amazonaws.com",
  "cloudtrail.amazonaws.com",
];

/**
 * The target records as event selectors see them. A trail records the control's events (some of them) when it
 * records any of these: API calls are management write events of their source; console sign-ins are management
 * events of `signin.amazonaws.com` (CloudTrail user guide, "AWS Management Console sign-in events"); failed and
 * root calls may be reads or writes of any service.
 */
export function targetSelectorFacts(target: TargetSet): readonly SelectorFacts[] {
  switch (target.kind) {
    case "apiCalls":
      return target.eventNames.map((eventName) => ({
        eventCategory: "Management",
        readOnly: "false",
        eventSource: target.eventSource,
        eventName,
        eventType: "AwsApiCall",
      }));
    case "consoleSignIn":
      return [
        {
          eventCategory: "Management",
          readOnly: "false",
          eventSource: "signin.amazonaws.com",
          eventName: "ConsoleLogin",
          eventType: "AwsConsoleSignIn",
        },
      ];
    case "failedAuthorization":
    case "rootActivity":
      return anyServiceSources.flatMap((eventSource) =>
        ["true", "false"].map((readOnly) => ({
          eventCategory: "Management",
          readOnly,
          eventSource,
          eventType: "AwsApiCall",
        })),
      );
  }
}

/** CIS versions, newest first: fix snippets show the newest prescribed text. */
const newestFirst = [
  "v7.0.0",
  "v6.0.0",
  "v5.0.0",
  "v4.0.0",
  "v3.0.0",
  "v2.0.0",
  "v1.5.0",
  "v1.4.0",
  "v1.3.0",
  "v1.2.0",
];

/** The pattern fix snippets show: the newest CIS version's text that does not count routine records. */
export function snippetPattern(control: ControlDefinition): string {
  const usable = control.prescribedPatterns.filter((pattern) => pattern.countsRoutineRecords !== true);
  for (const version of newestFirst) {
    const found = usable.find((pattern) => pattern.documents.includes(`CIS ${version}`));
    if (found !== undefined) return found.text;
  }
  return (usable[0] ?? control.prescribedPatterns[0]).text;
}

/** Every prescribed text a covering pattern may be, for the `security-hub` profile (routine-counting texts aside). */
export function prescribedTexts(control: ControlDefinition): readonly string[] {
  return control.prescribedPatterns
    .filter((pattern) => pattern.countsRoutineRecords !== true)
    .map((pattern) => pattern.text);
}
