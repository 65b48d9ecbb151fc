/**
 * Questions every layer asks of a control's target set (lib/controls/target.ts): the events messages name, the
 * events a trail's selectors must record, and the pattern fix snippets show.
 */
import { allControls, controlById } from "../../lib/controls";
import {
  prescribedTexts,
  snippetPattern,
  targetEventNames,
  targetEventSources,
  targetSelectorFacts,
} from "../../lib/controls/target";
import type { ControlDefinition, PrescribedPattern } from "../../lib/controls/types";

const pattern = (text: string, documents: string[], countsRoutineRecords?: boolean): PrescribedPattern => ({
  text,
  documents,
  sources: [],
  ...(countsRoutineRecords === undefined ? {} : { countsRoutineRecords }),
});
const withPatterns = (patterns: PrescribedPattern[]): ControlDefinition => ({
  ...controlById("cloudtrail-changes"),
  prescribedPatterns: patterns,
});

describe("targetEventNames", () => {
  test("API calls: the control's event names (CIS 4.5: the five CloudTrail calls)", () => {
    expect(targetEventNames(controlById("cloudtrail-changes").target)).toEqual([
      "CreateTrail",
      "UpdateTrail",
      "DeleteTrail",
      "StartLogging",
      "StopLogging",
    ]);
  });

  test("console sign-ins: ConsoleLogin, the event of every console sign-in (CloudTrail user guide)", () => {
    expect(targetEventNames(controlById("console-signin-without-mfa").target)).toEqual(["ConsoleLogin"]);
    expect(targetEventNames(controlById("console-authentication-failures").target)).toEqual(["ConsoleLogin"]);
  });

  test("failed authorization and root activity are described, not named", () => {
    expect(targetEventNames(controlById("unauthorized-api-calls").target)).toEqual([
      "calls failing with *UnauthorizedOperation",
      "calls failing with AccessDenied*",
    ]);
    expect(targetEventNames(controlById("root-account-usage").target)).toEqual(["calls by the root user"]);
  });
});

describe("targetEventSources", () => {
  test.each([
    ["cloudtrail-changes", ["cloudtrail.amazonaws.com"]],
    ["kms-key-disable-or-deletion", ["kms.amazonaws.com"]],
    ["console-signin-without-mfa", ["signin.amazonaws.com"]],
    ["unauthorized-api-calls", []],
    ["root-account-usage", []],
  ] as const)("%s: %j", (id, sources) => {
    expect(targetEventSources(controlById(id).target)).toEqual(sources);
  });
});

describe("targetSelectorFacts", () => {
  test("API calls: one management write API call per event name, of the control's service", () => {
    expect(targetSelectorFacts(controlById("cloudtrail-changes").target)[0]).toEqual({
      eventCategory: "Management",
      readOnly: "false",
      eventSource: "cloudtrail.amazonaws.com",
      eventName: "CreateTrail",
      eventType: "AwsApiCall",
    });
    expect(targetSelectorFacts(controlById("cloudtrail-changes").target)).toHaveLength(5);
  });

  test("console sign-ins: a management event of signin.amazonaws.com whose type is AwsConsoleSignIn", () => {
    expect(targetSelectorFacts(controlById("console-authentication-failures").target)).toEqual([
      {
        eventCategory: "Management",
        readOnly: "false",
        eventSource: "signin.amazonaws.com",
        eventName: "ConsoleLogin",
        eventType: "AwsConsoleSignIn",
      },
    ]);
  });

  test("failed and root calls: reads and writes of any of six services", () => {
    for (const id of ["unauthorized-api-calls", "root-account-usage"] as const) {
      const facts = targetSelectorFacts(controlById(id).target);
      expect(facts).toHaveLength(12);
      expect(new Set(facts.map((f) => f.readOnly))).toEqual(new Set(["true", "false"]));
      expect(facts.map((f) => f.eventSource)).toContain("cloudtrail.amazonaws.com");
      expect(facts.every((f) => f.eventCategory === "Management" && f.eventType === "AwsApiCall")).toBe(true);
    }
  });
});

describe("snippetPattern", () => {
  test("the newest CIS version's text that does not count routine records", () => {
    const control = withPatterns([
      pattern("old", ["CIS v1.2.0"]),
      pattern("routine", ["CIS v7.0.0"], true),
      pattern("hub", ["Security Hub CloudWatch.5"]),
      pattern("new", ["CIS v3.0.0", "CIS v5.0.0"]),
    ]);
    expect(snippetPattern(control)).toBe("new");
  });

  test("no CIS text: the first that does not count routine records; only routine ones: the first", () => {
    expect(snippetPattern(withPatterns([pattern("routine", ["x"], true), pattern("hub", ["Security Hub"])]))).toBe(
      "hub",
    );
    expect(snippetPattern(withPatterns([pattern("a", ["x"], true), pattern("b", ["y"], true)]))).toBe("a");
  });

  test("prescribedTexts: every text in order, except those that count routine records", () => {
    const control = withPatterns([pattern("a", ["x"]), pattern("b", ["y"], true), pattern("c", ["z"], false)]);
    expect(prescribedTexts(control)).toEqual(["a", "c"]);
    // CIS v1.4.0's 4.1 joins its four clauses with || and so counts routine records (lib/controls data).
    const unauthorized = controlById("unauthorized-api-calls");
    const routine = unauthorized.prescribedPatterns.filter((p) => p.countsRoutineRecords === true);
    expect(routine.length).toBeGreaterThan(0);
    for (const p of routine) expect(prescribedTexts(unauthorized)).not.toContain(p.text);
  });

  test("every control's snippet is one of its prescribed texts that does not count routine records", () => {
    for (const control of allControls) expect(prescribedTexts(control)).toContain(snippetPattern(control));
  });
});
