/**
 * Questions about a control's target set that every layer asks: which events to name in messages, which
 * management events a trail must record for the chain to see them, and the pattern fix snippets show.
 */
import type * as Calls from "../cloudtrail/calls";
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
        ["true", "false"].map((readOnly) => ({ eventCategory: "Management", readOnly, eventSource, eventType: "AwsApiCall" })),
      );
  }
}

/** CIS versions, newest first: fix snippets show the newest prescribed text. */
const newestFirst = ["v7.0.0", "v6.0.0", "v5.0.0", "v4.0.0", "v3.0.0", "v2.0.0", "v1.5.0", "v1.4.0", "v1.3.0", "v1.2.0"];

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
  return control.prescribedPatterns.filter((pattern) => pattern.countsRoutineRecords !== true).map((pattern) => pattern.text);
}

/** What a trail must be to record the target records at all, beyond its event selectors. */
export interface TargetRecording {
  /**
   * The records are global service events (IAM, console sign-in): a trail records them only when it includes
   * global service events (CloudTrail user guide, "Global service events").
   */
  readonly globalServiceEvents: boolean;
  /**
   * The records land in us-east-1 only (IAM's global service events; AWS Organizations, whose records are only in
   * US East (N. Virginia): Organizations user guide, "Logging and monitoring"): a single-region trail elsewhere
   * never sees them.
   */
  readonly usEast1Only: boolean;
}

let calls: typeof Calls | undefined;

/** The recording requirements of a target set, from the call shapes of its calls (loaded on first use). */
export function targetRecording(target: TargetSet): TargetRecording {
  switch (target.kind) {
    case "apiCalls": {
      calls ??= require("../cloudtrail/calls") as typeof Calls;
      const { callShapeOf } = calls;
      const shapes = target.eventNames.flatMap((eventName) => {
        const shape = callShapeOf(target.eventSource, eventName);
        return shape === undefined ? [] : [shape];
      });
      const global = shapes.some((shape) => shape.globalService);
      return { globalServiceEvents: global, usEast1Only: global || shapes.some((shape) => shape.recordedRegion === "us-east-1") };
    }
    case "consoleSignIn":
      // Sign-in is a global service, but its records land in several Regions (CloudTrail user guide, "AWS
      // Management Console sign-in events"): any trail that includes global service events sees some of them.
      return { globalServiceEvents: true, usEast1Only: false };
    default:
      return { globalServiceEvents: false, usEast1Only: false };
  }
}
