/**
 * Mutations of filter patterns: each is an arbitrary of a text -> text function, so a mutated pattern is as
 * reproducible as a generated one. They aim at what users and tools really produce and at the edges of the
 * language: truncation (a pattern cut by a config tool), duplication (copy-paste), Unicode (astral characters,
 * combining marks, right-to-left text, NUL, lone surrogates), deep nesting, lengths at and just over AWS's
 * 1,024-character limit, regexes at AWS's quota of two per pattern and just over it (PutMetricFilter API
 * reference), near-miss spellings (lower-case keywords, `==`, `AND`), whitespace as Security Hub and CDK write it.
 */
import fc from "fast-check";
import { MAX_PATTERN_LENGTH } from "../../lib/filter-pattern";
import { grammarPattern, regexSource } from "../generators/patterns";
import { cdkStyle } from "../generators/pattern-seeds";

export type Mutation = (text: string) => string;

/** Characters that stress text handling: astral, combining, bidirectional, control, surrogate, wide and blank. */
export const unicodeSamples: readonly string[] = [
  "\u{1F600}",
  "\u{1D49C}",
  "\u{10FFFF}",
  "e\u0301",
  "\u0301",
  "\u202E",
  "\u200F",
  "\u202B",
  "\u05E9\u05DC\u05D5\u05DD",
  "\u0627\u0644\u0633\u0644\u0627\u0645",
  "\u0000",
  "\uFEFF",
  "\u200B",
  "\uD800",
  "\uDFFF",
  "\u00A0",
  "\u3000",
  "\uFF5B",
  "\u2028",
  "\u0085",
  "\u{E0041}",
  "\u0130",
  "\u212A",
];

/** Fragments of the language itself, so random edits often land near a valid pattern. */
const alphabet = [
  ..."{}[]()$.*\"'%&|=!<>,?-_ \\aAzZ09#:/\t\n",
  "IS ",
  "NOT ",
  "NULL",
  "EXISTS",
  "TRUE",
  "FALSE",
  "$.",
  "&&",
  "||",
  "...",
  "[*]",
  ".*",
  "['k']",
  "%a%",
];

const position = fc.double({ min: 0, max: 1, noNaN: true });
const at = (text: string, where: number): number => Math.min(text.length, Math.floor(where * (text.length + 1)));

const truncate: fc.Arbitrary<Mutation> = fc.tuple(position, fc.boolean()).map(([where, keepHead]) => (text) => {
  const cut = at(text, where);
  return keepHead ? text.slice(0, cut) : text.slice(cut);
});

const duplicate: fc.Arbitrary<Mutation> = fc
  .tuple(position, position, fc.nat({ max: 3 }))
  .map(([a, b, times]) => (text) => {
    const [from, to] = [at(text, a), at(text, b)].sort((x, y) => x - y) as [number, number];
    const slice = text.slice(from, to === from ? text.length : to);
    if (times === 0) return text + text;
    return text.slice(0, to) + slice.repeat(times) + text.slice(to);
  });

/** Duplicates a whole JSON clause: `{ A || B }` -> `{ A || B || A || B }`, with && or ||. */
const duplicateClause: fc.Arbitrary<Mutation> = fc.constantFrom("||", "&&").map((op) => (text) => {
  const inner = /^\s*\{(.*)\}\s*$/s.exec(text)?.[1];
  return inner === undefined ? text : `{${inner} ${op} ${inner}}`;
});

const insertUnicode: fc.Arbitrary<Mutation> = fc
  .tuple(position, fc.constantFrom(...unicodeSamples), fc.integer({ min: 1, max: 3 }))
  .map(
    ([where, chars, times]) =>
      (text) =>
        text.slice(0, at(text, where)) + chars.repeat(times) + text.slice(at(text, where)),
  );

const edit: fc.Arbitrary<Mutation> = fc
  .tuple(position, fc.constantFrom("insert", "delete", "replace"), fc.constantFrom(...alphabet))
  .map(([where, kind, fragment]) => (text) => {
    const p = at(text, where);
    if (kind === "insert") return text.slice(0, p) + fragment + text.slice(p);
    if (kind === "delete") return text.slice(0, p) + text.slice(p + 1);
    return text.slice(0, p) + fragment + text.slice(p + 1);
  });

/** Wraps a JSON pattern's expression in `depth` parentheses: `{ ((((A)))) }`, up to what fits in 1,024 characters. */
const nest: fc.Arbitrary<Mutation> = fc.integer({ min: 1, max: 520 }).map((depth) => (text) => {
  const inner = /^\s*\{(.*)\}\s*$/s.exec(text)?.[1];
  const body = inner ?? " $.eventName = StopLogging ";
  return `{${"(".repeat(depth)}${body}${")".repeat(depth)}}`;
});

/** Nests `depth` alternating `&&`/`||` levels, each with one more condition: deep trees, not just parentheses. */
const nestOperators: fc.Arbitrary<Mutation> = fc.integer({ min: 2, max: 60 }).map((depth) => (text) => {
  const inner = /^\s*\{(.*)\}\s*$/s.exec(text)?.[1] ?? "$.eventName = StopLogging";
  let expression = inner.trim();
  for (let level = 0; level < depth; level++) {
    expression = `(${expression}) ${level % 2 === 0 ? "&&" : "||"} $.k${level} = v${level}`;
  }
  return `{ ${expression} }`;
});

/**
 * Pads a pattern to exactly `MAX_PATTERN_LENGTH + over` characters (code points, as AWS counts characters), with
 * blanks, a long quoted value, a long term, or astral characters (two UTF-16 units each).
 */
const toLimit: fc.Arbitrary<Mutation> = fc
  .tuple(fc.constantFrom(-1, 0, 0, 1, 1, 2), fc.constantFrom("blanks", "clause", "term", "astral"))
  .map(([over, style]) => (text) => {
    const target = MAX_PATTERN_LENGTH + over;
    const length = (s: string): number => Array.from(s).length;
    const base =
      length(text) > target - 40
        ? Array.from(text)
            .slice(0, Math.max(0, target - 40))
            .join("")
        : text;
    const inner = /^\s*\{(.*)\}\s*$/s.exec(base)?.[1];
    const fill = (n: number, unit: string): string => unit.repeat(Math.max(0, n));
    if (style === "clause" && inner !== undefined) {
      const head = `{${inner} || $.userAgent = "`;
      return `${head}${fill(target - length(head) - 3, "a")}" }`;
    }
    if (style === "term" && inner === undefined) return `${base} ${fill(target - length(base) - 1, "x")}`;
    if (style === "astral") {
      const head = inner === undefined ? `${base} "` : `{${inner} || $.userAgent = "`;
      const tail = inner === undefined ? '"' : '" }';
      return `${head}${fill(target - length(head) - length(tail), "\u{1F600}")}${tail}`;
    }
    return inner === undefined
      ? `${base}${fill(target - length(base), " ")}`
      : `{${inner}${fill(target - length(base), " ")}}`;
  });

/**
 * Puts `count` regexes into a JSON pattern (AWS's quota is two per filter pattern: at the limit with 2, just over
 * with 3), each `size` characters of regex source long.
 */
const withRegexes: fc.Arbitrary<Mutation> = fc
  .tuple(fc.constantFrom(1, 2, 2, 3), regexSource, fc.constantFrom(0, 0, 100, 300, 480))
  .map(([count, source, size]) => (text) => {
    const inner = /^\s*\{(.*)\}\s*$/s.exec(text)?.[1] ?? "$.eventName = StopLogging";
    const long = size === 0 ? source : (source.replace(/\|/g, "") + "a".repeat(size)).slice(0, size);
    const clauses = Array.from({ length: count }, (_, k) => `$.r${k} = %${long}%`);
    return `{ (${inner.trim()}) || ${clauses.join(" || ")} }`;
  });

/** Spellings users get wrong and AWS rejects or reads differently. */
const nearMiss: fc.Arbitrary<Mutation> = fc
  .constantFrom<[RegExp, string]>(
    [/IS NULL/g, "is null"],
    [/NOT EXISTS/g, "not exists"],
    [/\|\|/g, "OR"],
    [/&&/g, "and"],
    [/ = /g, " == "],
    [/\|\|/g, "|"],
    [/&&/g, "&"],
    [/"/g, "'"],
    [/\$\./g, ""],
    [/\$\.eventName/g, "$.EventName"],
    [/\}/g, ""],
    [/\{/g, "{{"],
    [/\(/g, ""],
    [/ /g, ""],
    [/ /g, "\n"],
    [/ /g, "\t"],
    [/CreateTrail/g, "Create*"],
  )
  .map(
    ([find, replace]) =>
      (text) =>
        text.replace(find, replace),
  );

const cdk: fc.Arbitrary<Mutation> = fc.constant(cdkStyle);

/** One mutation, weighted towards the ones that keep a pattern close to valid. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: truncate },
  { weight: 2, arbitrary: duplicate },
  { weight: 1, arbitrary: duplicateClause },
  { weight: 3, arbitrary: insertUnicode },
  { weight: 4, arbitrary: edit },
  { weight: 2, arbitrary: nest },
  { weight: 1, arbitrary: nestOperators },
  { weight: 2, arbitrary: toLimit },
  { weight: 2, arbitrary: withRegexes },
  { weight: 3, arbitrary: nearMiss },
  { weight: 1, arbitrary: cdk },
);

/** A pattern mutated one to three times from `seeds` (or from a generated pattern). */
export function mutatedPattern(seeds: readonly string[]): fc.Arbitrary<string> {
  const start =
    seeds.length === 0
      ? grammarPattern
      : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...seeds) }, { weight: 1, arbitrary: grammarPattern });
  return fc
    .tuple(start, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([text, mutations]) => mutations.reduce((current, mutate) => mutate(current), text));
}
