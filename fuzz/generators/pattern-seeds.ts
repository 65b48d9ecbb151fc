/**
 * The real patterns mutations start from: every pattern text a CIS version or Security Hub prescribes for the
 * fifteen monitoring controls (lib/controls), the same texts as the AWS CDK writes them (`FilterPattern.stringValue`
 * quotes every value; `FilterPattern.exists` is `$.x = "*"`; `FilterPattern.any`/`all` parenthesise each operand:
 * aws-cdk-lib `aws_logs.FilterPattern`), the patterns of the bundled example programs, and the broader forms the
 * README says cover.
 */
import * as fs from "fs";
import * as path from "path";
import { allControls } from "../../lib/controls";

/** Every prescribed text of every control, verbatim. */
export function prescribedPatternTexts(): string[] {
  return [...new Set(allControls.flatMap((control) => control.prescribedPatterns.map((pattern) => pattern.text)))];
}

/** A JSON pattern as the CDK prints it: each bare value quoted, operators spaced. */
export function cdkStyle(pattern: string): string {
  return pattern.replace(
    /(!=|=)\s*([A-Za-z*][A-Za-z0-9_.:/*-]*)/g,
    (_whole, operator: string, value: string) => `${operator} "${value}"`,
  );
}

/** The CDK's `FilterPattern.exists(selector)` conjunct added to a JSON pattern: `{ (P) && ($.eventSource = "*") }`. */
export function withCdkExists(pattern: string, selector = "$.eventSource"): string {
  const inner = pattern.trim().replace(/^\{/, "").replace(/\}$/, "").trim();
  return `{ (${inner}) && (${selector} = "*") }`;
}

/** Patterns the README names as covering the CloudTrail-changes control although broader than the CIS text. */
export const broaderPatterns: readonly string[] = [
  "{ $.eventSource = cloudtrail.amazonaws.com }",
  "?CreateTrail ?UpdateTrail ?DeleteTrail ?StartLogging ?StopLogging",
  "{ $.eventName = *Trail || $.eventName = *Logging }",
  "",
];

/** A string literal of TypeScript source, decoded (template literals only without substitutions). */
function decodeLiteral(literal: string): string | undefined {
  const quote = literal[0];
  const body = literal.slice(1, -1);
  if (quote === "`") return body.includes("${") ? undefined : body;
  try {
    const asDouble = quote === "'" ? `"${body.replace(/\\'/g, "'").replace(/"/g, '\\"')}"` : literal;
    const value: unknown = JSON.parse(asDouble);
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

const patternLiteral = /\b(?:pattern|filterPattern)\s*:\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`)/g;

/** The literal patterns of the programs under `dirs` (each program's index.ts), read from their source. */
export function examplePatterns(
  root: string,
  dirs: readonly string[] = ["examples", "test/acceptance/programs"],
): string[] {
  const found = new Set<string>();
  for (const dir of dirs) {
    const base = path.join(root, dir);
    if (!fs.existsSync(base)) continue;
    for (const program of fs.readdirSync(base).sort()) {
      const file = path.join(base, program, "index.ts");
      if (!fs.existsSync(file)) continue;
      for (const match of fs.readFileSync(file, "utf8").matchAll(patternLiteral)) {
        const text = decodeLiteral(match[1]);
        if (text !== undefined) found.add(text);
      }
    }
  }
  return [...found];
}

/** Every seed: prescribed texts, their CDK forms, example patterns and the broader forms, without duplicates. */
export function patternSeeds(root: string): string[] {
  const prescribed = prescribedPatternTexts();
  const jsonOnes = prescribed.filter((text) => text.trim().startsWith("{"));
  return [
    ...new Set([
      ...prescribed,
      ...jsonOnes.map(cdkStyle),
      ...jsonOnes.map((text) => withCdkExists(text)),
      ...jsonOnes.map((text) => withCdkExists(cdkStyle(text), "$.userIdentity.type")),
      ...examplePatterns(root),
      ...broaderPatterns,
    ]),
  ];
}
