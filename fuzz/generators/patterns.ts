/**
 * Filter patterns generated from the grammar of the CloudWatch Logs filter-pattern language ("Filter pattern
 * syntax for metric filters, subscription filters, filter log events, and Live Tail", Amazon CloudWatch Logs User
 * Guide): terms and quoted phrases with `-` and `?`, a standalone `%regex%` in AWS's regex dialect ("Supported
 * regular expressions (regex) syntax"), JSON patterns with every selector step (`.key`, `[n]`, `[*]`, `.*`,
 * `.['key']`), every operator (`= != < <= > >=`, `IS NULL`, `IS TRUE`, `IS FALSE`, `NOT EXISTS`), wildcard, quoted,
 * numeric and regex values, `&&`/`||` and parentheses nested to any depth, and space-delimited patterns with `...`,
 * blank fields and conditions joined on one field. Most of what this generates is valid; mutators.ts breaks it.
 */
import fc from "fast-check";

/** Words CloudTrail records hold, so that generated values sometimes meet real fields. */
const recordWords = [
  "CreateTrail",
  "UpdateTrail",
  "DeleteTrail",
  "StartLogging",
  "StopLogging",
  "GetTrail",
  "cloudtrail.amazonaws.com",
  "IAMUser",
  "Root",
  "AssumedRole",
  "AWSService",
  "AccessDenied",
  "us-east-1",
  "ConsoleLogin",
  "Failed authentication",
  "No",
  "AwsApiCall",
  "1.08",
  "ERROR",
  "Exiting",
  "true",
];
const recordKeys = [
  "eventName",
  "eventSource",
  "errorCode",
  "errorMessage",
  "userIdentity",
  "type",
  "arn",
  "awsRegion",
  "eventType",
  "sourceIPAddress",
  "userAgent",
  "requestParameters",
  "name",
  "readOnly",
  "additionalEventData",
  "MFAUsed",
  "invokedBy",
  "eventVersion",
  "responseElements",
  "resources",
];

const bareChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
/** What may follow a first character in a bare JSON value (the scanner stops at blanks and `(){}&|`). */
const bareValueChars = `${bareChars}.:/-@#=,;!<>'"%$[]?+~`;

const word = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...recordWords.filter((w) => /^\w+$/.test(w))) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...bareChars), minLength: 1, maxLength: 12 }) },
);

/** Text that may sit between double quotes: anything but an unescaped `"` (escapes kept as written). */
const quotedInner = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...recordWords) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: fc.constantFrom(..." abcXYZ019.:/-_{}[]()$*%&|=!<>,?'#@"), maxLength: 14 }),
  },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }).map((s) => s.replace(/["\\]/g, "")) },
  { weight: 1, arbitrary: fc.constantFrom('a\\"b', "back\\\\slash", "tab\\t", "\\u0041") },
);

// ---------------------------------------------------------------------------------------------------------- terms

const term = fc
  .tuple(
    fc.constantFrom("", "", "", "-", "?", "- "),
    fc.oneof({ weight: 3, arbitrary: word }, { weight: 2, arbitrary: quotedInner.map((t) => `"${t}"`) }),
  )
  .map(([mark, text]) => mark + text);

/** Terms separated by blanks (spaces, sometimes tabs or line breaks, which the language also takes as blanks). */
export const termPattern: fc.Arbitrary<string> = fc
  .tuple(fc.array(term, { minLength: 1, maxLength: 8 }), fc.constantFrom(" ", " ", " ", "  ", "\t", "\n"))
  .map(([terms, blank]) => terms.join(blank));

// ---------------------------------------------------------------------------------------------------------- regex

const regexLiteral = fc.constantFrom(..."abcXYZ0129 :_#=@/;,-");
const regexAtom = fc.oneof(
  { weight: 6, arbitrary: regexLiteral },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "\\d",
      "\\D",
      "\\s",
      "\\S",
      "\\w",
      "\\W",
      "\\x41",
      "\\x7a",
      "\\.",
      "\\*",
      "\\+",
      "\\?",
      "\\[",
      "\\]",
      "\\{",
      "\\}",
      "\\|",
      "\\^",
      "\\$",
      "\\\\",
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom("[a-z]", "[A-Z0-9_]", "[^a-z]", "[0-9]", "[\\d\\s]", "[-a]", "[a-]", "[:;@]"),
  },
  { weight: 2, arbitrary: fc.constant(".") },
  { weight: 2, arbitrary: fc.constantFrom("Trail", "Logging", "Stop", "Start", "ERROR", "Root") },
);
const quantifier = fc.constantFrom("", "", "", "", "*", "+", "?", "{2}", "{1,3}", "{0,}", "{,4}", "{3,}", "*?", "+?");
const regexBranch = fc
  .tuple(
    fc.constantFrom("", "", "^"),
    fc.array(
      fc.tuple(regexAtom, quantifier).map(([a, q]) => a + q),
      { minLength: 1, maxLength: 8 },
    ),
    fc.constantFrom("", "", "$"),
  )
  .map(([open, atoms, close]) => open + atoms.join("") + close);

/** A regex source in AWS's dialect (no parentheses, escapes of operators, classes, quantifiers, alternation). */
export const regexSource: fc.Arbitrary<string> = fc
  .array(regexBranch, { minLength: 1, maxLength: 3 })
  .map((b) => b.join("|"));

/** A standalone `%regex%` pattern. */
export const regexPattern: fc.Arbitrary<string> = regexSource.map((source) => `%${source}%`);

// ----------------------------------------------------------------------------------------------------------- JSON

const keyName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...recordKeys) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(..."abcXYZ019_-"), minLength: 1, maxLength: 8 }) },
);
const quotedKey = fc
  .string({ unit: fc.constantFrom(..."abc XYZ019.:_-$*[]{}"), minLength: 1, maxLength: 10 })
  .filter((k) => !k.includes("']"));
const plainStep = fc.oneof(
  { weight: 6, arbitrary: keyName.map((n) => `.${n}`) },
  { weight: 2, arbitrary: fc.nat({ max: 30 }).map((i) => `[${i}]`) },
  { weight: 1, arbitrary: quotedKey.map((k) => `.['${k}']`) },
  { weight: 1, arbitrary: quotedKey.map((k) => `['${k}']`) },
);
const wildcardStep = fc.constantFrom("[*]", ".*");

/** `$.first` then steps; `wildcard` places at most one `[*]` or `.*` (AWS: one per selector). */
const selector = fc
  .tuple(keyName, fc.array(plainStep, { maxLength: 4 }), fc.constantFrom(-1, -1, -1, 0, 1, 2), wildcardStep)
  .map(([first, rest, at, wildcard]) => {
    const steps = [...rest];
    if (at >= 0) steps.splice(Math.min(at, steps.length), 0, wildcard);
    return `$.${first}${steps.join("")}`;
  });

const star = fc.constantFrom("", "", "*");
const bareValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...recordWords.filter((w) => !/\s/.test(w))) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...bareChars), fc.string({ unit: fc.constantFrom(...bareValueChars), maxLength: 12 }))
      .map(([first, rest]) => first + rest.replace(/^["'%]/, "x")),
  },
);
const stringValue = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(star, bareValue, star).map(([a, v, b]) => `${a}${v}${b}`) },
  { weight: 3, arbitrary: fc.tuple(star, quotedInner, star).map(([a, v, b]) => `"${a}${v}${b}"`) },
  { weight: 1, arbitrary: fc.constantFrom("*", '"*"', '""', '" "') },
);
/** Numbers as the language writes them: sign, decimals, exponent (reference: "Using numeric values"). */
export const numberValue: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -100000, max: 100000 }).map(String),
  fc.stringMatching(/^[+-]?(\d{1,6}(\.\d{0,4})?|\.\d{1,3})([eE][+-]?\d{1,3})?$/),
  fc.constantFrom("0", "-0", "1e308", "1e309", "-1e-400", "9007199254740993", "0.1", "+1000", "1.", ".5"),
);

const condition = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(selector, fc.constantFrom("=", "!="), stringValue).map(([s, o, v]) => `${s} ${o} ${v}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(selector, fc.constantFrom("=", "!=", "<", "<=", ">", ">="), numberValue, fc.constantFrom("", " "))
      .map(([s, o, v, sp]) => `${s}${sp}${o}${sp}${v}`),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(selector, fc.constantFrom("=", "!="), regexSource).map(([s, o, r]) => `${s} ${o} %${r}%`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(selector, fc.constantFrom("IS NULL", "IS TRUE", "IS FALSE", "NOT EXISTS"))
      .map(([s, k]) => `${s} ${k}`),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(...recordWords.filter((w) => /^[A-Z]\w+$/.test(w))).map((w) => `$.eventName = ${w}`),
  },
);

const { expression } = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    condition,
    fc
      .tuple(
        fc.array(tie("expression"), { minLength: 2, maxLength: 6 }),
        fc.constantFrom("&&", "||"),
        fc.constantFrom(" ", "", "  "),
      )
      .map(([operands, op, sp]) => operands.join(`${sp}${op}${sp}`)),
    tie("expression").map((e) => `(${e})`),
    tie("expression").map((e) => `( ${e} )`),
  ),
}));

const wildcards = (text: string): number => (text.match(/\[\*\]|\.\*/g) ?? []).length;
const regexes = (text: string): number => (text.match(/%[^%]*%/g) ?? []).length;

/** `{ expression }`, mostly within AWS's limits (three wildcard selectors, two regexes); sometimes not. */
export const jsonPattern: fc.Arbitrary<string> = fc
  .tuple(expression, fc.constantFrom("{ ", "{", "{  "), fc.constantFrom(" }", "}", "  }"), fc.nat({ max: 9 }))
  .map(([e, open, close, luck]) => ({ text: `${open}${e}${close}`, keepOverLimit: luck === 0 }))
  .filter(({ text, keepOverLimit }) => keepOverLimit || (wildcards(text) <= 3 && regexes(text) <= 2))
  .map(({ text }) => text);

// ------------------------------------------------------------------------------------------------ space-delimited

const fieldName = fc.oneof(
  fc.constantFrom("ip", "user", "username", "timestamp", "request", "status_code", "bytes", "w1", "w2", "level"),
  fc.string({ unit: fc.constantFrom(..."abcxyz019_-"), minLength: 1, maxLength: 7 }).filter((n) => /^[A-Za-z]/.test(n)),
);
const delimitedValue = fc.oneof(
  fc
    .tuple(star, fc.string({ unit: fc.constantFrom(...`${bareChars}./:-`), minLength: 1, maxLength: 10 }), star)
    .map(([a, v, b]) => `${a}${v}${b}`),
  numberValue,
  quotedInner.map((t) => `"${t}"`),
  regexSource.map((r) => `%${r}%`),
);
const delimitedField = fc.oneof(
  { weight: 1, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: fc.constant("...") },
  { weight: 3, arbitrary: fieldName },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fieldName,
        fc.constantFrom("=", "!=", "<", ">", "<=", ">="),
        delimitedValue,
        fc.array(fc.tuple(fc.constantFrom("&&", "||"), fc.constantFrom("=", "!="), delimitedValue), { maxLength: 2 }),
      )
      .map(([name, op, value, more]) =>
        [`${name} ${op} ${value}`, ...more.map(([c, o, v]) => `${c} ${name} ${o} ${v}`)].join(" "),
      ),
  },
);

/** `[ field, field, ... ]`. */
export const delimitedPattern: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(delimitedField, { minLength: 0, maxLength: 8 }),
    fc.constantFrom(", ", ",", " , "),
    fc.constantFrom("[", "[ "),
    fc.constantFrom("]", " ]"),
  )
  .map(([fields, comma, open, close]) => `${open}${fields.join(comma)}${close}`);

/** The patterns that match every event. */
export const matchAllPattern: fc.Arbitrary<string> = fc.constantFrom("", " ", "   ", '""', '" "', "\t");

/** Every form of the language, weighted towards JSON (what metric filters on CloudTrail use). */
export const grammarPattern: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: jsonPattern },
  { weight: 2, arbitrary: termPattern },
  { weight: 1, arbitrary: regexPattern },
  { weight: 2, arbitrary: delimitedPattern },
  { weight: 1, arbitrary: matchAllPattern },
);
