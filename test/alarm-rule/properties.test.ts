/**
 * Properties over many generated rules: the parser never throws; an accepted rule prints to text that parses back to
 * the same tree; and the credit answer agrees with a brute-force check written here from the definition (every
 * state of every alarm enumerated), never "yes" where that check says "no" nor the reverse.
 */
import fc from "fast-check";
import type { AlarmState, RuleExpression } from "../../lib/alarm-rule";
import { ERROR_PREFIX, creditsWatchedAlarm, parseAlarmRule, printAlarmRule } from "../../lib/alarm-rule";

function assert(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) if (key !== "span") out[key] = withoutSpans(inner);
    return out;
  }
  return value;
}

function checkParse(text: string): void {
  const result = parseAlarmRule(text);
  if (!result.ok) {
    const { code, message, column, offset } = result.error;
    assert(code !== "internal-error", `internal error on ${JSON.stringify(text)}: ${message}`);
    assert(message.startsWith(`${ERROR_PREFIX} at column ${column}: `), `bad message ${message}`);
    assert(offset >= 0 && offset <= text.length && column === offset + 1, `bad position in ${message}`);
    return;
  }
  const printed = printAlarmRule(result.rule);
  const again = parseAlarmRule(printed);
  if (!again.ok) throw new Error(`printed ${JSON.stringify(printed)} does not parse: ${again.error.message}`);
  assert(
    JSON.stringify(withoutSpans(again.rule)) === JSON.stringify(withoutSpans(result.rule)),
    `${JSON.stringify(text)} printed as ${JSON.stringify(printed)} parses to a different tree`,
  );
  const verdict = creditsWatchedAlarm(text, (reference) => reference === "x").verdict;
  assert(verdict === "yes" || verdict === "no" || verdict === "unknown", `bad verdict ${verdict}`);
}

const NAMES = ["x", "a", "b", "c"];
const STATE_WORDS = ["ALARM", "OK", "INSUFFICIENT_DATA"];

const atom: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...STATE_WORDS), fc.constantFrom(...NAMES), fc.boolean())
    .map(([state, name, quoted]) => `${state}(${quoted ? `"${name}"` : name})`),
  fc.constantFrom("TRUE", "FALSE"),
  fc
    .tuple(
      fc.oneof(
        fc.integer({ min: 1, max: 4 }).map(String),
        fc.integer({ min: 1, max: 100 }).map((p) => `${p}%`),
      ),
      fc.boolean(),
      fc.constantFrom(...STATE_WORDS),
      fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 }),
    )
    .map(
      ([threshold, negated, state, names]) =>
        `AT_LEAST(${threshold}, ${negated ? "NOT " : ""}${state}, (${names.join(", ")}))`,
    ),
);

/** Fully parenthesised rules: one meaning whatever the precedence. */
const parenthesised: fc.Arbitrary<string> = fc.letrec<{ rule: string }>((tie) => ({
  rule: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atom,
    tie("rule").map((r) => `NOT (${r})`),
    fc.tuple(tie("rule"), fc.constantFrom("AND", "OR"), tie("rule")).map(([a, op, b]) => `(${a}) ${op} (${b})`),
  ),
})).rule;

/**
 * A flat run `[NOT] atom op [NOT] atom op ...` and the same rule parenthesised as the conventional reading (NOT on
 * one operand, AND before OR).
 */
const flat: fc.Arbitrary<{ readonly text: string; readonly conventional: string }> = fc
  .array(fc.tuple(fc.boolean(), atom, fc.constantFrom("AND", "OR")), { minLength: 2, maxLength: 4 })
  .map((items) => {
    const operand = ([negated, a]: readonly [boolean, string, string]) => (negated ? `NOT ${a}` : a);
    const text = items
      .map((item, i) => (i === 0 ? "" : ` ${(items[i - 1] as [boolean, string, string])[2]} `) + operand(item))
      .join("");
    const groups: string[][] = [[]];
    items.forEach((item, i) => {
      if (i > 0 && (items[i - 1] as [boolean, string, string])[2] === "OR") groups.push([]);
      groups[groups.length - 1].push(`(${operand(item)})`);
    });
    return { text, conventional: groups.map((g) => `(${g.join(" AND ")})`).join(" OR ") };
  });

/** The rule's value with every alarm's state given. */
function truth(rule: RuleExpression, states: ReadonlyMap<string, AlarmState>): boolean {
  switch (rule.kind) {
    case "constant":
      return rule.value;
    case "state":
      return states.get(rule.alarm.text) === rule.state;
    case "atLeast": {
      const count = rule.alarms.filter((a) => (states.get(a.text) === rule.state) !== rule.negated).length;
      const needed =
        rule.threshold.kind === "count" ? rule.threshold.value : (rule.threshold.value * rule.alarms.length) / 100;
      return count >= needed;
    }
    case "not":
      return !truth(rule.operand, states);
    case "and":
      return rule.operands.every((o) => truth(o, states));
    case "or":
      return rule.operands.some((o) => truth(o, states));
    case "sequence":
      throw new Error("the oracle reads only unambiguous rules");
  }
}

const ALL_STATES: readonly AlarmState[] = ["ALARM", "OK", "INSUFFICIENT_DATA"];

function worlds(x: AlarmState): Map<string, AlarmState>[] {
  const out: Map<string, AlarmState>[] = [];
  for (const a of ALL_STATES)
    for (const b of ALL_STATES)
      for (const c of ALL_STATES) {
        out.push(
          new Map<string, AlarmState>([
            ["x", x],
            ["a", a],
            ["b", b],
            ["c", c],
          ]),
        );
      }
  return out;
}

/** The definition: true in every world with x in ALARM, and false in some world with x in OK, and in INSUFFICIENT_DATA. */
function oracle(rule: RuleExpression): "yes" | "no" {
  const alwaysWhenAlarm = worlds("ALARM").every((w) => truth(rule, w));
  const canBeFalse = (["OK", "INSUFFICIENT_DATA"] as const).every((s) => worlds(s).some((w) => !truth(rule, w)));
  return alwaysWhenAlarm && canBeFalse ? "yes" : "no";
}

function parsed(text: string): RuleExpression {
  const result = parseAlarmRule(text);
  if (!result.ok) throw new Error(`${JSON.stringify(text)}: ${result.error.message}`);
  return result.rule;
}

const ALPHABET = [
  ...'()",% \n',
  "ALARM",
  "OK",
  "INSUFFICIENT_DATA",
  "AT_LEAST",
  "TRUE",
  "FALSE",
  "AND",
  "OR",
  "NOT",
  "x",
  "a",
  "1",
  "50%",
  "arn:aws:cloudwatch:r:1:alarm:x",
];
const ruleish = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 30 });

describe("the parser on arbitrary text", () => {
  it("never throws on any string, and round-trips what it accepts", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), checkParse), { numRuns: 1000 });
  });

  it("never throws on strings of the language's own tokens, and round-trips what it accepts", () => {
    fc.assert(fc.property(ruleish, checkParse), { numRuns: 3000 });
  });

  it("round-trips generated rules, ambiguous ones included", () => {
    fc.assert(fc.property(parenthesised, checkParse), { numRuns: 500 });
    fc.assert(
      fc.property(flat, ({ text }) => checkParse(text)),
      { numRuns: 500 },
    );
  });
});

describe("the credit answer against brute force", () => {
  it("equals the definition on every unambiguous rule over x and three other alarms", () => {
    fc.assert(
      fc.property(parenthesised, (text) => {
        const expected = oracle(parsed(text));
        const actual = creditsWatchedAlarm(text, (reference) => reference === "x").verdict;
        assert(actual === expected, `${text}: expected ${expected}, got ${actual}`);
      }),
      { numRuns: 1500 },
    );
  });

  it("never contradicts the conventional reading of an ambiguous rule (it may say unknown)", () => {
    fc.assert(
      fc.property(flat, ({ text, conventional }) => {
        const expected = oracle(parsed(conventional));
        const actual = creditsWatchedAlarm(text, (reference) => reference === "x").verdict;
        assert(actual === expected || actual === "unknown", `${text}: conventional ${expected}, got ${actual}`);
      }),
      { numRuns: 1500 },
    );
  });
});
