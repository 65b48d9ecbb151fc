/**
 * `node:util` `parseArgs` as `npm start` (tools/runner/args.ts) and `npm run bench` (bench/options.ts) use it:
 * strict, with its errors as one line and single-valued options given twice reported (it keeps the last silently).
 */
import { parseArgs } from "util";

/** `parseArgs`'s option specs (the parts these command lines use). */
export type OptionSpecs = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

/**
 * The one-line message of a `parseArgs` error (`ERR_PARSE_ARGS_*`), without Node's advice on `--` and `=`;
 * undefined for any other error. E.g. "Unknown option '--bogus'", "Option '-s, --stack <value>' argument missing".
 */
export function parseArgsProblem(error: unknown): string | undefined {
  // Duck-typed: under jest, errors thrown inside Node's own code fail `instanceof Error`.
  if (typeof error !== "object" || error === null || !("code" in error) || !("message" in error)) return undefined;
  if (!String(error.code).startsWith("ERR_PARSE_ARGS_")) return undefined;
  return String(error.message)
    .split(/\s*(?:\. |\n)(?=To specify)/)[0]
    .replace(/\s*\n\s*/g, " ");
}

/** Reads `argv` strictly against `options`; a usage problem is `{ ok: false, message }` (one line). */
export function readCommandLine<T extends OptionSpecs>(argv: readonly string[], options: T, allowPositionals: boolean) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals, strict: true, tokens: true });
  } catch (e) {
    const problem = parseArgsProblem(e);
    if (problem === undefined) throw e;
    return { ok: false as const, message: problem };
  }
  const counts = new Map<string, number>();
  for (const token of parsed.tokens) {
    if (token.kind === "option" && options[token.name]?.multiple !== true)
      counts.set(token.name, (counts.get(token.name) ?? 0) + 1);
  }
  const repeated = [...counts].filter(([, n]) => n > 1).map(([name]) => `--${name}`);
  if (repeated.length > 0) return { ok: false as const, message: `${repeated.join(", ")} was given more than once` };
  return { ok: true as const, values: parsed.values, positionals: parsed.positionals };
}
