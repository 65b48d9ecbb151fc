/**
 * The runner's two pipelines, shared by the command line, the examples summary and the tests:
 * program directory → child program run → engine resources → pack, and stack export → engine resources → pack.
 */
import * as fs from "fs";
import type { EngineResource, PolicyPackConfigFile } from "../engine";
import { analyzeStack, PackSession, StackAnalysis, StackIdentity, startPackSession } from "./analyze";
import { RunnerError } from "./errors";
import { runProgram } from "./program";
import { readProgramProject, StackConfigValue } from "./project";
import { attributeDiagnostics, AttributedDiagnostic } from "./report";
import { engineResourcesFromRegistrations } from "./resources";
import { readStackExport } from "./stack-export";

/** Options common to both pipelines. */
export interface CheckOptions {
  /** The pack directory (holds PulumiPolicy.yaml; its package.json `main` is the compiled pack). */
  readonly packDir: string;
  readonly policyPackConfig?: PolicyPackConfigFile;
  /** A started pack to reuse; when absent one is started for this stack and closed afterwards. */
  readonly session?: PackSession;
  /** Where the program's own output goes (default stderr). */
  readonly output?: NodeJS.WritableStream;
}

/** The outcome of one check. */
export interface CheckResult {
  readonly project: string;
  readonly stack: string;
  readonly resources: EngineResource[];
  readonly analysis: StackAnalysis;
  readonly diagnostics: AttributedDiagnostic[];
  /** Things the user should know about how faithful the run was. */
  readonly notes: string[];
}

/** Runs `fn` on the given session, or on one started now (concurrently with `prepare`) and closed afterwards. */
async function withSession<T, R>(
  options: CheckOptions,
  identity: StackIdentity,
  prepare: Promise<T>,
  fn: (session: PackSession, prepared: T) => Promise<R>,
): Promise<R> {
  if (options.session) return fn(options.session, await prepare);
  const starting = startPackSession(options.packDir, identity);
  let prepared: T;
  try {
    prepared = await prepare;
  } catch (err) {
    await starting.then(
      (s) => s.pack.close(),
      () => undefined,
    );
    throw err;
  }
  const session = await starting;
  try {
    return await fn(session, prepared);
  } finally {
    await session.pack.close();
  }
}

/** Analyses `resources` on the session and attributes the diagnostics as the engine does. */
async function analyzeAndAttribute(
  session: PackSession,
  resources: EngineResource[],
  config: PolicyPackConfigFile | undefined,
): Promise<{ analysis: StackAnalysis; diagnostics: AttributedDiagnostic[] }> {
  const analysis = await analyzeStack(session, resources, config);
  return {
    analysis,
    diagnostics: attributeDiagnostics(
      analysis.diagnostics,
      resources.map((r) => r.urn),
    ),
  };
}

/** The config the pack process sees in PULUMI_CONFIG: the stack's plain values (secure ones can't be decrypted). */
function plainConfig(config: Record<string, StackConfigValue>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(config)
      .filter(([, v]) => !v.secure)
      .map(([k, v]) => [k, v.value]),
  );
}

/** Runs a program directory as a first preview and analyses its resources. */
export async function checkProgram(
  dir: string,
  options: CheckOptions & { stack?: string; config?: readonly string[]; timeoutMs?: number },
): Promise<CheckResult> {
  const project = readProgramProject(dir, { stack: options.stack, config: options.config });
  const identity: StackIdentity = {
    project: project.project,
    stack: project.stack,
    config: plainConfig(project.config),
    dryRun: true,
  };
  const notes: string[] = [];
  const secure = Object.entries(project.config)
    .filter(([, v]) => v.secure)
    .map(([k]) => k);
  if (secure.length > 0) notes.push(`secure config values run as unknown secrets: ${secure.join(", ")}`);
  return withSession(
    options,
    identity,
    runProgram(project, { output: options.output, timeoutMs: options.timeoutMs }),
    async (session, run) => {
      const resources = engineResourcesFromRegistrations(run.registrations);
      const { analysis, diagnostics } = await analyzeAndAttribute(session, resources, options.policyPackConfig);
      return {
        project: project.project,
        stack: project.stack,
        resources,
        analysis,
        diagnostics,
        notes: [...notes, ...run.notes],
      };
    },
  );
}

/** Analyses a `pulumi stack export` file as deployed state. */
export async function checkStackExport(file: string, options: CheckOptions): Promise<CheckResult> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new RunnerError(
      `cannot read the stack export ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      2,
    );
  }
  const exported = readStackExport(text, file);
  const notes: string[] = [];
  if (exported.encryptedSecrets > 0) {
    notes.push(
      `${exported.encryptedSecrets} encrypted secret value(s) in the export are passed as unknown values; ` +
        "export with 'pulumi stack export --show-secrets' to check them",
    );
  }
  if (exported.skipped > 0) notes.push(`${exported.skipped} resource(s) pending deletion were left out`);
  const identity: StackIdentity = { project: exported.project, stack: exported.stack, config: {}, dryRun: false };
  return withSession(options, identity, Promise.resolve(exported), async (session) => {
    const { analysis, diagnostics } = await analyzeAndAttribute(session, exported.resources, options.policyPackConfig);
    return {
      project: exported.project,
      stack: exported.stack,
      resources: exported.resources,
      analysis,
      diagnostics,
      notes,
    };
  });
}
