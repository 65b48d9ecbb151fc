/**
 * `npm start` with no argument: runs every program under `examples/` against the pack and compares what fired
 * with the example's `expect.json` (`{"violations":[{"policyName","enforcementLevel","resourceName"}]}`). An
 * example's optional `policy-config.json` is passed as `--policy-pack-config`.
 */
import * as fs from "fs";
import * as path from "path";
import { readPolicyPackConfigFile } from "../engine";
import { RunnerError } from "./errors";
import { startPackSession } from "./analyze";
import { checkProgram } from "./check";
import type { AttributedDiagnostic } from "./report";

/** One violation an example expects, or one that fired. */
export interface ExpectedViolation {
  readonly policyName: string;
  readonly enforcementLevel: string;
  readonly resourceName: string;
}

/** How one example behaved. */
export interface ExampleOutcome {
  readonly name: string;
  readonly expected: ExpectedViolation[];
  readonly fired: ExpectedViolation[];
  readonly pass: boolean;
  /** For each violation that fired, the first line of its finding (what is wrong), for the summary. */
  readonly findings?: readonly string[];
  /** Set when the example could not be run at all. */
  readonly error?: string;
}

/** The same program run again with another policy pack config file (a path relative to the pack's root). */
export interface ExpectedVariant {
  readonly policyPackConfig: string;
  readonly violations: ExpectedViolation[];
}

function readViolations(file: string, where: string, violations: unknown): ExpectedViolation[] {
  if (!Array.isArray(violations))
    throw new RunnerError(`${file}: expected {"violations": [...]}${where === "" ? "" : ` in ${where}`}`);
  return violations.map((v: unknown, i) => {
    const o = v as Record<string, unknown>;
    for (const key of ["policyName", "enforcementLevel", "resourceName"]) {
      if (typeof o?.[key] !== "string")
        throw new RunnerError(`${file}: ${where}violations[${i}].${key} must be a string`);
    }
    return {
      policyName: o.policyName as string,
      enforcementLevel: o.enforcementLevel as string,
      resourceName: o.resourceName as string,
    };
  });
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new RunnerError(`${file}: ${(err as Error).message}`);
  }
}

/** Reads and checks an example's expect.json. */
export function readExpectation(file: string): ExpectedViolation[] {
  return readViolations(file, "", (readJson(file) as { violations?: unknown }).violations);
}

/** The example's variants: `{"variants": [{"policyPackConfig": "config/cis.json", "violations": [...]}]}`. */
export function readVariants(file: string): ExpectedVariant[] {
  const variants = (readJson(file) as { variants?: unknown }).variants;
  if (variants === undefined) return [];
  if (!Array.isArray(variants)) throw new RunnerError(`${file}: "variants" must be a list`);
  return variants.map((variant: unknown, i) => {
    const config = (variant as { policyPackConfig?: unknown })?.policyPackConfig;
    if (typeof config !== "string") throw new RunnerError(`${file}: variants[${i}].policyPackConfig must be a string`);
    return {
      policyPackConfig: config,
      violations: readViolations(file, `variants[${i}].`, (variant as { violations?: unknown }).violations),
    };
  });
}

function key(v: ExpectedViolation): string {
  return `${v.enforcementLevel} ${v.policyName} ${v.resourceName}`;
}

/** True when the fired violations are exactly the expected ones (as multisets). */
export function sameViolations(expected: readonly ExpectedViolation[], fired: readonly ExpectedViolation[]): boolean {
  const a = expected.map(key).sort();
  const b = fired.map(key).sort();
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** The example directories (those holding Pulumi.yaml) under `examplesDir`, by name. */
export function exampleDirs(examplesDir: string): string[] {
  if (!fs.existsSync(examplesDir)) return [];
  return fs
    .readdirSync(examplesDir)
    .filter((d) => fs.existsSync(path.join(examplesDir, d, "Pulumi.yaml")))
    .sort()
    .map((d) => path.join(examplesDir, d));
}

/** Maps `items` with at most `limit` promises in flight, keeping order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function firedOf(diagnostics: readonly AttributedDiagnostic[]): ExpectedViolation[] {
  return diagnostics.map((d) => ({
    policyName: d.policyName,
    enforcementLevel: d.enforcementLevel,
    resourceName: d.resourceName,
  }));
}

/** One run to make: an example with a config file (the example's own `policy-config.json`, or a variant's). */
interface ExampleRun {
  readonly name: string;
  readonly dir: string;
  readonly configFile: string | undefined;
  /** Reads the expected violations (may throw a RunnerError for a malformed expect.json). */
  readonly expected: () => ExpectedViolation[];
}

/** An example's runs: itself, then one per variant of its expect.json (named `<example> + <config file>`). */
function runsOf(dir: string, packDir: string): ExampleRun[] {
  const name = path.basename(dir);
  const expectFile = path.join(dir, "expect.json");
  const own = path.join(dir, "policy-config.json");
  const runs: ExampleRun[] = [
    { name, dir, configFile: fs.existsSync(own) ? own : undefined, expected: () => readExpectation(expectFile) },
  ];
  let variants: ExpectedVariant[] = [];
  try {
    variants = readVariants(expectFile);
  } catch {
    // The example's own run reports the malformed file.
  }
  for (const variant of variants) {
    runs.push({
      name: `${name} + ${variant.policyPackConfig}`,
      dir,
      configFile: path.resolve(packDir, variant.policyPackConfig),
      expected: () => variant.violations,
    });
  }
  return runs;
}

/** Runs every example (programs two at a time, one shared pack process) and compares with expectations. */
export async function runExamples(
  examplesDir: string,
  packDir: string,
  output: NodeJS.WritableStream,
): Promise<ExampleOutcome[]> {
  const dirs = exampleDirs(examplesDir);
  if (dirs.length === 0) throw new RunnerError(`no examples (directories with Pulumi.yaml) under ${examplesDir}`);
  const session = await startPackSession(packDir, { project: "examples", stack: "dev", config: {}, dryRun: true });
  try {
    return await mapLimited(
      dirs.flatMap((dir) => runsOf(dir, packDir)),
      2,
      async (run) => {
        let expected: ExpectedViolation[] = [];
        try {
          expected = run.expected();
          const policyPackConfig = run.configFile === undefined ? undefined : readPolicyPackConfigFile(run.configFile);
          const result = await checkProgram(run.dir, { packDir, session, output, policyPackConfig });
          const fired = firedOf(result.diagnostics);
          return {
            name: run.name,
            expected,
            fired,
            pass: sameViolations(expected, fired),
            findings: result.diagnostics.map(findingOf),
          };
        } catch (err) {
          return {
            name: run.name,
            expected,
            fired: [],
            pass: false,
            error: err instanceof Error ? err.message : String(err),
          };
        }
      },
    );
  } finally {
    await session.pack.close();
  }
}

/** The line of a diagnostic that says what is wrong: the message's first line after the policy's description. */
export function findingOf(diagnostic: { readonly message: string; readonly description: string }): string {
  const lines = diagnostic.message.split("\n");
  const first = lines[0] === diagnostic.description && lines.length > 1 ? lines[1] : lines[0];
  // Long quoted settings (a whole pattern) are shortened so that the reason after them stays on screen.
  const shortened = first.replace(/"([^"]*)"/g, (all, inner: string) =>
    inner.length < 48 ? all : `"${inner.slice(0, 24)}…${inner.slice(-12)}"`,
  );
  return shortened.length > 200 ? `${shortened.slice(0, 199)}…` : shortened;
}

function describe(violations: readonly ExpectedViolation[]): string[] {
  if (violations.length === 0) return ["no violations"];
  return violations.map((v) => `[${v.enforcementLevel}] ${v.policyName} (${v.resourceName})`);
}

/** One screen: per example its name, expected outcome, what fired, PASS/FAIL. */
export function renderExamplesSummary(outcomes: readonly ExampleOutcome[]): string {
  const width = Math.max(7, ...outcomes.map((o) => o.name.length)) + 2;
  const lines = [`${"Example".padEnd(width)}Result  Expected / fired`];
  for (const o of outcomes) {
    lines.push(
      `${o.name.padEnd(width)}${(o.pass ? "PASS" : "FAIL").padEnd(8)}expected: ${describe(o.expected).join("; ")}`,
    );
    if (o.error) lines.push(`${"".padEnd(width + 8)}error:    ${o.error.split("\n").join(" ")}`);
    else lines.push(`${"".padEnd(width + 8)}fired:    ${describe(o.fired).join("; ")}`);
    for (const finding of o.findings ?? []) lines.push(`${"".padEnd(width + 8)}why:      ${finding}`);
  }
  const passed = outcomes.filter((o) => o.pass).length;
  lines.push("", `${passed}/${outcomes.length} examples behave as expected`);
  return lines.join("\n") + "\n";
}
