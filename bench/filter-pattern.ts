/**
 * Benchmark of the filter-pattern engine as the policy uses it: parse a pattern, then judge its coverage of a
 * control's CloudTrail records. The first cases are the CloudTrail-changes worst cases; then, for every CIS
 * monitoring control, its prescribed texts, the worst cases adapted to it, and patterns that count routine
 * records. Pure measurement (medians over iterations); `npm run bench -- --sections filter` writes the results to
 * BENCHMARKS.md.
 */
import { allControls } from "../lib/controls";
import { cloudTrailChanges } from "../lib/controls/cloudtrail-changes";
import { snippetPattern, targetEventNames } from "../lib/controls/target";
import type { ControlDefinition } from "../lib/controls/types";
import { judgeCoverage } from "../lib/coverage";
import { parseFilterPattern } from "../lib/filter-pattern";
import { elapsedMs, median } from "./stats";

export interface FilterPatternBenchResult {
  /** e.g. `canonical pattern`. */
  readonly name: string;
  /** The id of the control judged. */
  readonly control: string;
  readonly patternLength: number;
  readonly iterations: number;
  /** Median wall time of parse + coverage verdict, in milliseconds. */
  readonly medianMs: number;
  /** Median CPU time (user + system) of the same, in milliseconds: what other processes' load does not inflate. */
  readonly medianCpuMs: number;
  /** The slowest iteration's wall time (garbage collection and other processes show here first). */
  readonly maxMs: number;
  /** The verdict, to show the case did the work it claims (a `covers` runs every variant). */
  readonly verdict: string;
}

export interface FilterPatternBenchCase {
  readonly name: string;
  readonly pattern: string;
  /** The control judged; default: CloudTrail configuration changes. */
  readonly control?: ControlDefinition;
}

const EVENT_NAMES = targetEventNames(cloudTrailChanges.target);
const FIVE_NAMES = EVENT_NAMES.map((name) => `($.eventName = ${name})`).join(" || ");

/**
 * The worst case the judgment meets: a 1024-character JSON pattern with the two regexes AWS allows, testing
 * many fields that vary between calls, each in a way that still covers (so every adversarial variant runs).
 */
export function worstCaseJsonPattern(maxLength = 1024): string {
  const fixed = [
    "($.eventSource = cloudtrail.amazonaws.com)",
    `(${FIVE_NAMES})`,
    "(($.userIdentity.type = %^[A-Za-z]+$%) || ($.userIdentity.type NOT EXISTS))",
    "(($.awsRegion = %^[a-z]{2}-%) || ($.awsRegion NOT EXISTS))",
  ];
  const padding = [
    "(($.userAgent = *) || ($.userAgent NOT EXISTS))",
    "(($.errorCode = *) || ($.errorCode NOT EXISTS))",
    "(($.userIdentity.arn = *) || ($.userIdentity.arn NOT EXISTS))",
    "(($.userIdentity.invokedBy = *) || ($.userIdentity.invokedBy NOT EXISTS))",
    "(($.eventVersion = 1.*) || ($.eventVersion = 2.*))",
    "(($.tlsDetails.tlsVersion = TLSv1.*) || ($.tlsDetails.tlsVersion NOT EXISTS))",
    "(($.userIdentity.accountId = *) || ($.userIdentity.accountId NOT EXISTS))",
    "(($.sessionCredentialFromConsole = true) || ($.sessionCredentialFromConsole NOT EXISTS))",
    "($.recipientAccountId = *)",
    "($.sourceIPAddress = *)",
    "($.requestParameters.name = *)",
  ];
  let clauses = [...fixed];
  for (const clause of padding) {
    const candidate = [...clauses, clause];
    if (`{ ${candidate.join(" && ")} }`.length <= maxLength) clauses = candidate;
  }
  return `{ ${clauses.join(" && ")} }`;
}

/** A regex that reads every character of every message it is tried on (anchored at both ends, matches them all). */
const WHOLE_MESSAGE_REGEX = "%^.+$%";

/** Parentheses nested `depth` deep around alternating OR and AND of the five names (fits in 1024 characters). */
export function deeplyNestedPattern(depth = 24): string {
  let inner = "($.eventName = StopLogging)";
  for (let level = 0; level < depth; level++) {
    const name = EVENT_NAMES[level % EVENT_NAMES.length];
    inner = level % 2 === 0 ? `($.eventName = ${name} || ${inner})` : `(${inner} && $.eventSource = *)`;
  }
  return `{ ${inner} || ${FIVE_NAMES} }`;
}

/**
 * The deepest nesting 1024 characters hold: alternating OR and AND, written without spaces, around the five names
 * (each level re-reads the records its inner level read).
 */
export function deepestNestedPattern(maxLength = 1024): string {
  let inner = "$.eventName=StopLogging";
  for (let level = 0; ; level++) {
    const name = EVENT_NAMES[level % EVENT_NAMES.length];
    const next = level % 2 === 0 ? `($.eventName=${name}||${inner})` : `(${inner}&&$.eventSource=*)`;
    if (`{${next}}`.length > maxLength) return `{${inner}}`;
    inner = next;
  }
}

/** A term pattern of optional terms close to 1024 characters: the five names plus many other words. */
export function longTermPattern(maxLength = 1024): string {
  const terms = EVENT_NAMES.map((name) => `?${name}`);
  for (let index = 0; ; index++) {
    const next = `?Word${index}`;
    if ([...terms, next].join(" ").length > maxLength) break;
    terms.push(next);
  }
  return terms.join(" ");
}

/** Adds items while the joined text stays within `maxLength`. */
function fill(
  head: readonly string[],
  candidates: Iterable<string>,
  join: (items: readonly string[]) => string,
  maxLength: number,
): string {
  let items = [...head];
  for (const candidate of candidates) {
    const next = [...items, candidate];
    if (join(next).length > maxLength) break;
    items = next;
  }
  return join(items);
}

/** Documented fields that vary between calls: each clause on one of them makes the judgment try its variants. */
const VARYING_PATHS: readonly string[] = [
  "userAgent",
  "sourceIPAddress",
  "awsRegion",
  "eventVersion",
  "errorCode",
  "errorMessage",
  "recipientAccountId",
  "userIdentity.type",
  "userIdentity.arn",
  "userIdentity.accountId",
  "userIdentity.principalId",
  "userIdentity.invokedBy",
  "userIdentity.userName",
  "userIdentity.accessKeyId",
  "requestParameters.name",
  "requestParameters.s3BucketName",
  "requestParameters.kmsKeyId",
  "tlsDetails.tlsVersion",
  "tlsDetails.cipherSuite",
  "sessionCredentialFromConsole",
  "userIdentity.sessionContext.sessionIssuer.type",
  "userIdentity.sessionContext.attributes.mfaAuthenticated",
  "requestParameters.cloudWatchLogsRoleArn",
  "vpcEndpointId",
  "eventTime",
  "requestID",
  "eventID",
];

/**
 * An OR of up to 1024 characters: the five calls by suffix wildcards, then one clause per varying field, each with
 * a wildcard value. Every variant keeps an eventName clause true, so the judgment spends its whole variant budget.
 */
export function wideOrOfWildcardsPattern(maxLength = 1024): string {
  const values = ["*a*", "zz*", "*.1", "*-*", "A*"];
  const clauses = [0, 1].flatMap((round) =>
    VARYING_PATHS.map((path, index) => `$.${path} = ${values[(index + round) % values.length]}`),
  );
  return fill(
    ["$.eventName = *Trail", "$.eventName = *Logging"],
    clauses,
    (items) => `{ ${items.join(" || ")} }`,
    maxLength,
  );
}

/**
 * The three wildcard selectors AWS allows (so no projection: every variant is compared and evaluated as a whole
 * record), the five names, then key-path clauses that hold for every call, up to 1024 characters.
 */
export function wildcardSelectorsPattern(maxLength = 1024): string {
  const fixed = [
    `(${FIVE_NAMES})`,
    "($.* = *)",
    "($.userIdentity.* = %^[A-Za-z0-9:/_@=,.-]+$%)",
    "($.requestParameters.* != %^zz%)",
  ];
  const clauses = VARYING_PATHS.map((path) => `(($.${path} = *) || ($.${path} NOT EXISTS))`);
  return fill(fixed, clauses, (items) => `{ ${items.join(" && ")} }`, maxLength);
}

/**
 * The five names and then optional terms that occur in real records ("aws", "arn", ...): each such term makes a
 * variant that strips it from every varying field, and the records still match on the event name.
 */
export function manyOptionalTermsPattern(count = 100, maxLength = 1024): string {
  const words = new Set<string>();
  const vocabulary =
    "arn aws iam role user cloudtrail amazonaws com trail logging events management security audit console cli " +
    "signin session assumed federated identity access denied exception region east west south north 111122223333 " +
    "Role User Trail Management Events AssumedRole IAMUser Root AWSService AccessDenied TrailNotFoundException " +
    "TLSv1 ECDHE RSA AES128 GCM SHA256 https Python Linux botocore Boto3 Mozilla Windows Chrome Safari";
  for (const word of vocabulary.split(" ")) for (let cut = word.length; cut >= 3; cut--) words.add(word.slice(0, cut));
  const terms = [...words].map((word) => `?${word}`).slice(0, Math.max(0, count - EVENT_NAMES.length));
  return fill(
    EVENT_NAMES.map((name) => `?${name}`),
    terms,
    (items) => items.join(" "),
    maxLength,
  );
}

/**
 * A space-delimited pattern: a first field tested by a long OR of wildcard values then a regex, `...`, and a last
 * field tested by the second regex, up to 1024 characters (every record is split and every condition tried).
 */
export function delimitedWithRegexesPattern(maxLength = 1024): string {
  const alternatives = Array.from({ length: 120 }, (_, index) => `first = *zz${index}*`);
  const build = (items: readonly string[]): string =>
    `[${[...items, "first = %^[{]%"].join(" || ")}, ..., last = %[}]$%]`;
  return fill([], alternatives, build, maxLength);
}

/** The worst-case JSON pattern made to miss: every failing call, so the judgment names and blames every miss. */
export function missingJsonPattern(maxLength = 1024): string {
  return worstCaseJsonPattern(maxLength - "{ ($.errorCode NOT EXISTS) &&  }".length + 3).replace(
    /^\{ /,
    "{ ($.errorCode NOT EXISTS) && ",
  );
}

/** The clauses that say which records a control is about, for its worst-case pattern. */
function targetClauses(control: ControlDefinition): string[] {
  const target = control.target;
  switch (target.kind) {
    case "apiCalls":
      return [
        `($.eventSource = ${target.eventSource})`,
        `(${target.eventNames.map((name) => `($.eventName = ${name})`).join(" || ")})`,
      ];
    case "consoleSignIn":
      return [
        "($.eventName = ConsoleLogin)",
        `(${target.identityTypes.map((type) => `($.userIdentity.type = ${type})`).join(" || ")})`,
        target.outcome === "failure"
          ? '($.errorMessage = "Failed authentication")'
          : "($.responseElements.ConsoleLogin = Success)",
        ...(target.mfaUsed === undefined ? [] : [`($.additionalEventData.MFAUsed = ${target.mfaUsed})`]),
      ];
    case "rootActivity":
      return [
        "($.userIdentity.type = Root)",
        "($.userIdentity.invokedBy NOT EXISTS)",
        "($.eventType != AwsServiceEvent)",
      ];
    case "failedAuthorization":
      return [`(${target.errorCodePatterns.map((pattern) => `($.errorCode = "${pattern}")`).join(" || ")})`];
  }
}

/**
 * A control's worst case: its target clauses, then clauses on fields that vary between calls, each written so that
 * it holds for every record (so every adversarial variant runs), up to 1024 characters.
 */
export function controlWorstCasePattern(control: ControlDefinition, maxLength = 1024): string {
  const padding = [
    "(($.userIdentity.type = %^[A-Za-z]+$%) || ($.userIdentity.type NOT EXISTS))",
    "(($.awsRegion = %^[a-z]{2}-%) || ($.awsRegion NOT EXISTS))",
    "(($.userAgent = *) || ($.userAgent NOT EXISTS))",
    "(($.errorCode = *) || ($.errorCode NOT EXISTS))",
    "(($.userIdentity.arn = *) || ($.userIdentity.arn NOT EXISTS))",
    "(($.eventVersion = 1.*) || ($.eventVersion = 2.*))",
    "(($.tlsDetails.tlsVersion = TLSv1.*) || ($.tlsDetails.tlsVersion NOT EXISTS))",
    "(($.userIdentity.accountId = *) || ($.userIdentity.accountId NOT EXISTS))",
    "(($.sessionCredentialFromConsole = true) || ($.sessionCredentialFromConsole NOT EXISTS))",
    "($.recipientAccountId = *)",
    "($.sourceIPAddress = *)",
  ];
  return fill(targetClauses(control), padding, (items) => `{ ${items.join(" && ")} }`, maxLength);
}

/** The control's worst case made to miss: a conjunct that leaves out calls of the target set. */
export function controlMissingPattern(control: ControlDefinition, maxLength = 1024): string {
  // Sign-ins without MFA are IAM users' only; everywhere else other callers make target calls too.
  const narrowing =
    control.target.kind === "consoleSignIn" && control.target.identityTypes.join() === "IAMUser"
      ? "($.awsRegion = us-east-1)"
      : "($.userIdentity.type = IAMUser)";
  const budget = maxLength - narrowing.length - 4;
  return controlWorstCasePattern(control, budget).replace(/^\{ /, `{ ${narrowing} && `);
}

/** Optional terms up to 1024 characters: the words a control's records are found by, then other words. */
export function controlTermPattern(control: ControlDefinition, maxLength = 1024): string {
  const target = control.target;
  const words =
    target.kind === "apiCalls"
      ? target.eventNames
      : target.kind === "consoleSignIn"
        ? ["ConsoleLogin"]
        : target.kind === "rootActivity"
          ? ["Root"]
          : ["AccessDenied", "UnauthorizedOperation"];
  const filler = Array.from({ length: 200 }, (_, index) => `?Word${index}`);
  return fill(
    words.map((word) => `?${word}`),
    filler,
    (items) => items.join(" "),
    maxLength,
  );
}

/**
 * A pattern that keeps what names the control's records but drops what narrows them, as a hurried author writes it,
 * so it counts routine records (lib/cloudtrail/routine) too: every call to the control's service; every console
 * sign-in; every direct call whoever makes it (the root clause left out); every call that fails.
 */
export function controlBroadPattern(control: ControlDefinition): { readonly what: string; readonly pattern: string } {
  const target = control.target;
  switch (target.kind) {
    case "apiCalls":
      return { what: `every ${target.eventSource} call`, pattern: `{ $.eventSource = ${target.eventSource} }` };
    case "consoleSignIn":
      return { what: "every console sign-in", pattern: "{ $.eventName = ConsoleLogin }" };
    case "rootActivity":
      return {
        what: "every direct call, root or not",
        pattern: '{ $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
      };
    case "failedAuthorization":
      return { what: "every call that fails", pattern: "{ $.errorCode = * }" };
  }
}

/** Reads that every account makes all day (Describe*, Get*, List*): an OR with them counts routine records. */
const ROUTINE_READS = " || ($.eventName = Describe*) || ($.eventName = Get*) || ($.eventName = List*)";

/**
 * The control's worst case (every variant runs) in an OR with routine reads, up to 1024 characters: the judgment
 * runs its whole variant budget, then evaluates every routine record before it names the one counted.
 */
export function controlRoutineWorstCasePattern(control: ControlDefinition, maxLength = 1024): string {
  const inner = controlWorstCasePattern(control, maxLength - ROUTINE_READS.length - 2);
  return `{ (${inner.slice(2, -2)})${ROUTINE_READS} }`;
}

/**
 * Every control's prescribed texts and its worst cases: a 1024-character JSON pattern whose clauses on varying
 * fields hold for every record (every variant runs), the same made to miss (blame runs), 1024 characters of
 * optional terms (whole messages are read), the space-delimited pattern with two regexes, and two patterns that count
 * routine records (a broad one as authors write it, and the worst case in an OR with routine reads).
 */
export function controlBenchCases(): FilterPatternBenchCase[] {
  return allControls.flatMap((control) => [
    ...control.prescribedPatterns.map((pattern, index) => ({
      name: `${control.id}: prescribed #${index + 1} (${pattern.documents[0]})`,
      pattern: pattern.text,
      control,
    })),
    { name: `${control.id}: worst-case JSON pattern`, pattern: controlWorstCasePattern(control), control },
    { name: `${control.id}: worst-case JSON pattern that misses`, pattern: controlMissingPattern(control), control },
    { name: `${control.id}: 1024 characters of optional terms`, pattern: controlTermPattern(control), control },
    {
      name: `${control.id}: space-delimited with ... and two regexes`,
      pattern: delimitedWithRegexesPattern(),
      control,
    },
    { name: `${control.id}: a regex over the whole message`, pattern: WHOLE_MESSAGE_REGEX, control },
    {
      name: `${control.id}: counts routine records (${controlBroadPattern(control).what})`,
      pattern: controlBroadPattern(control).pattern,
      control,
    },
    {
      name: `${control.id}: worst-case JSON pattern or routine reads`,
      pattern: controlRoutineWorstCasePattern(control),
      control,
    },
  ]);
}

/** The cases the benchmark measures. */
export function benchCases(): FilterPatternBenchCase[] {
  return [
    { name: "canonical pattern", pattern: snippetPattern(cloudTrailChanges) },
    { name: "worst-case 1024-character JSON pattern with two regexes", pattern: worstCaseJsonPattern() },
    { name: "deep nesting (24 levels of parentheses)", pattern: deeplyNestedPattern() },
    { name: "the deepest alternating nesting in 1024 characters", pattern: deepestNestedPattern() },
    { name: "a regex over the whole message", pattern: WHOLE_MESSAGE_REGEX },
    { name: "long term pattern", pattern: longTermPattern() },
    { name: "1024 characters of || clauses with wildcard values", pattern: wideOrOfWildcardsPattern() },
    { name: "three wildcard selectors and two regexes, 1024 characters", pattern: wildcardSelectorsPattern() },
    { name: "100 optional terms that occur in records", pattern: manyOptionalTermsPattern() },
    { name: "space-delimited with ... and two regexes", pattern: delimitedWithRegexesPattern() },
    { name: "worst-case JSON pattern that misses failing calls", pattern: missingJsonPattern() },
  ];
}

/** CPU time (user + system) of this process since `start` (a `process.cpuUsage()` reading), in milliseconds. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Times parse + coverage verdict for each case; the first run of each (building the family) is not counted. */
export function runFilterPatternBench(options: { iterations: number }): FilterPatternBenchResult[] {
  const iterations = Math.max(1, Math.floor(options.iterations));
  return [...benchCases(), ...controlBenchCases()].map(({ name, pattern, control = cloudTrailChanges }) => {
    const judge = (): string => {
      parseFilterPattern(pattern);
      return judgeCoverage(pattern, control).verdict;
    };
    const verdict = judge();
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let run = 0; run < iterations; run++) {
      const cpuStart = process.cpuUsage();
      const start = process.hrtime.bigint();
      judge();
      times.push(elapsedMs(start));
      cpuTimes.push(cpuMsSince(cpuStart));
    }
    return {
      name,
      control: control.id,
      patternLength: pattern.length,
      iterations,
      medianMs: median(times),
      medianCpuMs: median(cpuTimes),
      maxMs: Math.max(...times),
      verdict,
    };
  });
}
