/**
 * Properties over many generated patterns: the parser never throws and always finishes, an accepted pattern
 * prints to text that parses back to the same tree, and evaluation never throws.
 */
import fc from "fast-check";
import type { FilterPattern } from "../../lib/filter-pattern";
import {
  ERROR_PREFIX,
  INDETERMINATE_REASONS,
  evaluatePattern,
  parseFilterPattern,
  printFilterPattern,
} from "../../lib/filter-pattern";
import { PATTERN_CORPUS, sameTree } from "./corpus";

const MESSAGES = [
  '{"eventName":"StopLogging","eventSource":"cloudtrail.amazonaws.com","n":5,"t":true,"z":null,"a":[1,"x",{"k":"v"}],"o":{"k":"v"}}',
  '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534',
  "ERROR Exiting with ERRORCODE: -1",
  "",
];

/** A cheap assertion for hot property loops (jest's expect costs more than the parser). */
function assert(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

/** Parses; when accepted, checks the round trip and evaluates against every message. */
function checkPattern(text: string): void {
  const result = parseFilterPattern(text);
  if (!result.ok) {
    const { code, message, column, offset } = result.error;
    assert(code !== "internal-error", `internal error on ${JSON.stringify(text)}: ${message}`);
    assert(message.startsWith(`${ERROR_PREFIX} at column ${column}: `), `bad message ${message}`);
    assert(offset >= 0 && offset <= text.length && column === offset + 1, `bad position in ${message}`);
    return;
  }
  checkRoundTrip(result.pattern);
  for (const message of MESSAGES) {
    const outcome = evaluatePattern(result.pattern, message).outcome;
    assert(outcome === "match" || outcome === "noMatch" || outcome === "indeterminate", `bad outcome ${outcome}`);
  }
}

function checkRoundTrip(pattern: FilterPattern): void {
  const printed = printFilterPattern(pattern);
  const reparsed = parseFilterPattern(printed);
  if (!reparsed.ok) throw new Error(`printed ${JSON.stringify(printed)} does not parse: ${reparsed.error.message}`);
  if (!sameTree(reparsed.pattern, pattern)) {
    throw new Error(`printed ${JSON.stringify(printed)} parses to a different tree`);
  }
}

/** Characters that matter to the language, so that random text often comes close to a pattern. */
const ALPHABET = [
  ..."{}[]()$.*\"'%&|=!<>,?-_ \\aAeErRzZ019#:/",
  "IS ",
  "NOT ",
  "NULL",
  "EXISTS",
  "$.",
  "&&",
  "||",
  "...",
];
const patternish = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 40 });

describe("the parser on arbitrary text", () => {
  it("never throws on any string", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), checkPattern), { numRuns: 2000 });
  });

  it("never throws on strings of the language's own characters", () => {
    fc.assert(fc.property(patternish, checkPattern), { numRuns: 4000 });
  });

  it("rejects anything over 1024 characters", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1025, max: 1400 }), (length) => {
        const result = parseFilterPattern("x".repeat(length));
        assert(!result.ok && result.error.code === "too-long", `${length} characters accepted`);
      }),
      { numRuns: 20 },
    );
  });
});

type Edit = { readonly at: number; readonly kind: "insert" | "delete" | "replace"; readonly text: string };

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % (out.length + 1);
    if (edit.kind === "insert") out = out.slice(0, at) + edit.text + out.slice(at);
    else if (edit.kind === "delete") out = out.slice(0, at) + out.slice(at + 1);
    else out = out.slice(0, at) + edit.text + out.slice(at + 1);
  }
  return out;
}

const edit = fc.record({
  at: fc.nat({ max: 2000 }),
  kind: fc.constantFrom("insert" as const, "delete" as const, "replace" as const),
  text: fc.constantFrom(...ALPHABET),
});

describe("mutations of valid patterns", () => {
  it("never throw, and round-trip whenever they are still valid", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATTERN_CORPUS), fc.array(edit, { minLength: 1, maxLength: 4 }), (text, edits) =>
        checkPattern(applyEdits(text, edits)),
      ),
      { numRuns: 1500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Pattern text generated from the grammar: always valid, so the round trip is checked on every run.

const keyName = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/);
const bareWord = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.:/-]{0,10}$/);
const star = fc.constantFrom("", "*");
const stringValue = fc.oneof(
  fc.tuple(star, bareWord, star).map(([a, w, b]) => `${a}${w}${b}`),
  fc.tuple(star, fc.stringMatching(/^[A-Za-z0-9 .:/_-]{0,10}$/), star).map(([a, w, b]) => `"${a}${w}${b}"`),
  fc.constant("*"),
);
const numberValue = fc.stringMatching(/^[+-]?(\d{1,4}(\.\d{1,3})?|\.\d{1,2})([eE][+-]?\d{1,2})?$/);
const regexAtom = fc.tuple(
  fc.constantFrom(
    "a",
    "Z",
    "0",
    " ",
    ":",
    "_",
    "#",
    "=",
    "@",
    "/",
    ";",
    ",",
    "-",
    ".",
    "\\d",
    "\\w",
    "\\.",
    "[a-z]",
    "\\x41",
  ),
  fc.constantFrom("", "", "*", "+", "?", "{2}", "{1,3}", "{,2}"),
);
const regexBranch = fc
  .tuple(fc.constantFrom("", "^"), fc.array(regexAtom, { minLength: 1, maxLength: 4 }), fc.constantFrom("", "$"))
  .map(([open, atoms, close]) => open + atoms.map(([a, q]) => a + q).join("") + close);
const regexValue = fc.array(regexBranch, { minLength: 1, maxLength: 2 }).map((branches) => `%${branches.join("|")}%`);

const step = fc.oneof(
  keyName.map((n) => `.${n}`),
  fc.nat({ max: 20 }).map((i) => `[${i}]`),
  fc.stringMatching(/^[A-Za-z0-9 .:_-]{1,8}$/).map((k) => `.['${k}']`),
);
const selector = fc
  .tuple(keyName, fc.array(step, { maxLength: 3 }), fc.constantFrom("", "", "", "[*]", ".*"))
  .map(([first, rest, wildcard]) => `$.${first}${rest.join("")}${wildcard}`);

const condition = fc.oneof(
  fc.tuple(selector, fc.constantFrom("=", "!="), stringValue).map(([s, o, v]) => `${s} ${o} ${v}`),
  fc.tuple(selector, fc.constantFrom("=", "!=", "<", "<=", ">", ">="), numberValue).map(([s, o, v]) => `${s}${o}${v}`),
  fc.tuple(selector, fc.constantFrom("=", "!="), regexValue).map(([s, o, v]) => `${s} ${o} ${v}`),
  fc.tuple(selector, fc.constantFrom("IS NULL", "IS TRUE", "IS FALSE", "NOT EXISTS")).map(([s, k]) => `${s} ${k}`),
);

const { expression } = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    condition,
    fc.tuple(tie("expression"), fc.constantFrom("&&", "||"), tie("expression")).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie("expression").map((e) => `(${e})`),
  ),
}));

const wildcardCount = (text: string): number => (text.match(/\[\*\]|\.\*/g) ?? []).length;
const regexCount = (text: string): number => (text.match(/%[^%]*%/g) ?? []).length;

const jsonPattern = expression
  .map((e) => `{ ${e} }`)
  .filter((text) => text.length <= 1024 && wildcardCount(text) <= 3 && regexCount(text) <= 2);

const term = fc.tuple(
  fc.constantFrom("", "-", "?", "- "),
  fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_]{1,8}$/),
    fc.stringMatching(/^[A-Za-z0-9 :[\]{}$.=-]{1,10}$/).map((s) => `"${s}"`),
  ),
);
const termPattern = fc
  .array(term, { minLength: 1, maxLength: 5 })
  .map((terms) => terms.map(([mark, text]) => mark + text).join(" "))
  .filter((text) => !['""', '" "'].includes(text.trim()));

const fieldName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,6}$/);
const fieldValue = fc.oneof(
  fc.tuple(star, fc.stringMatching(/^[A-Za-z][A-Za-z0-9_./:-]{0,8}$/), star).map(([a, w, b]) => `${a}${w}${b}`),
  numberValue,
  fc.stringMatching(/^[A-Za-z0-9 ]{0,6}$/).map((s) => `"${s}"`),
);
const delimitedField = fc.oneof(
  fc.constant(""),
  fc.constant("..."),
  fieldName,
  fc
    .tuple(
      fieldName,
      fc.array(fc.tuple(fc.constantFrom("&&", "||"), fc.constantFrom("=", "!=")), { maxLength: 2 }),
      fc.constantFrom("=", "!="),
      fieldValue,
    )
    .map(([name, more, op, value]) =>
      [`${name} ${op} ${value}`, ...more.map(([c, o]) => `${c} ${name} ${o} ${value}`)].join(" "),
    ),
);
const delimitedPattern = fc
  .array(delimitedField, { minLength: 1, maxLength: 6 })
  .map((fields) => `[${fields.join(", ")}]`)
  .filter((text) => text !== "[]" && text !== "[ ]");

describe("patterns generated from the grammar", () => {
  it.each([
    ["JSON", jsonPattern],
    ["term", termPattern],
    ["space-delimited", delimitedPattern],
  ])("%s patterns parse and round-trip", (_kind, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        const result = parseFilterPattern(text);
        if (!result.ok) throw new Error(`${JSON.stringify(text)} rejected: ${result.error.message}`);
        checkPattern(text);
      }),
      { numRuns: 400 },
    );
  });
});

/**
 * Which field takes which word, over generated lines of plain words (AWS user guide, space-delimited log events:
 * `...` "can reference as many fields as needed"; without it the last field takes the rest, as `[w1=ERROR, w2]`
 * returning a seven-word line shows).
 */
describe("space-delimited fields over generated lines", () => {
  const line = fc.array(fc.stringMatching(/^[A-Za-z0-9_.:/-]{1,6}$/), { minLength: 1, maxLength: 8 });
  const outcome = (pattern: string, message: string) => {
    const parsed = parseFilterPattern(pattern);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return evaluatePattern(parsed.pattern, message);
  };
  const names = (count: number): string[] => Array.from({ length: count }, (_, index) => `f${index + 1}`);

  it("without ..., field i takes word i and the last field the rest, so the values join back into the line", () => {
    fc.assert(
      fc.property(line, fc.nat({ max: 8 }), (words, extra) => {
        const count = Math.min(words.length, extra + 1);
        const result = outcome(`[${names(count).join(", ")}]`, words.join(" "));
        if (result.outcome !== "match") throw new Error(`no match: ${JSON.stringify(result)}`);
        const values = names(count).map((name) => result.extractedValues?.[`$${name}`]);
        expect(values.slice(0, -1)).toEqual(words.slice(0, count - 1));
        expect(values.join(" ")).toBe(words.join(" "));
      }),
      { numRuns: 300 },
    );
  });

  it("[first, ..., last] takes the first and last words and numbers the ones between, even when there are none", () => {
    fc.assert(
      fc.property(
        line.filter((words) => words.length >= 2),
        (words) => {
          const result = outcome("[first, ..., last]", words.join(" "));
          const between = Object.fromEntries(words.slice(1, -1).map((word, index) => [`$${index + 2}`, word]));
          expect(result).toEqual({
            outcome: "match",
            extractedValues: { $first: words[0], ...between, $last: words[words.length - 1] },
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a line with fewer words than the pattern has fields is indeterminate, with or without ...", () => {
    fc.assert(
      fc.property(line, fc.nat({ max: 3 }), fc.boolean(), (words, more, ellipsis) => {
        const fields = names(words.length + 1 + more);
        const pattern = `[${ellipsis ? ["...", ...fields].join(", ") : fields.join(", ")}]`;
        const fewer = { outcome: "indeterminate", reason: INDETERMINATE_REASONS.delimitedFewerFields };
        expect(outcome(pattern, words.join(" "))).toEqual(fewer);
      }),
      { numRuns: 200 },
    );
  });
});
