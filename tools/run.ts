/**
 * `npm start`: run a Pulumi TypeScript program (or a stack export, or every example) through this policy pack
 * offline, as `pulumi preview --policy-pack .` would, and print the "Policies:" section. See tools/runner/args.ts
 * for the usage and README.md for what the offline run can and cannot see.
 */
import * as path from "path";
import { PolicyPackConfigFile, readPolicyPackConfigFile } from "./engine";
import { parseArgs, RunnerArgs, usage } from "./runner/args";
import { checkProgram, checkStackExport, CheckResult } from "./runner/check";
import { RunnerError } from "./runner/errors";
import { renderExamplesSummary, runExamples } from "./runner/examples";
import { toolRoot } from "./project-root";
import { isBlocking, jsonReport, renderPolicies } from "./runner/report";

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => stream.write(text, () => resolve()));
}

/** Prints one check's result; returns the exit status. */
async function report(result: CheckResult, args: RunnerArgs, packDir: string, subject: string): Promise<number> {
  for (const note of result.notes) await write(process.stderr, `note: ${note}\n`);
  const blocking = result.diagnostics.some(isBlocking);
  if (args.json) {
    const doc = jsonReport(result.analysis, result.diagnostics, {
      project: result.project,
      stack: result.stack,
      notes: result.notes,
    });
    await write(process.stdout, `${JSON.stringify(doc, null, 2)}\n`);
  } else {
    const local = path.relative(process.cwd(), packDir) || ".";
    await write(
      process.stdout,
      `Previewing ${subject} (project ${result.project}, stack ${result.stack}): ${result.resources.length} resources\n\n`,
    );
    await write(process.stdout, renderPolicies(result.analysis, result.diagnostics, local));
  }
  return blocking ? 1 : 0;
}

function readConfigFile(file: string | undefined): PolicyPackConfigFile | undefined {
  return file === undefined ? undefined : readPolicyPackConfigFile(file);
}

/** Runs the command line; returns the exit status. Never throws for user errors. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      await write(process.stdout, `${usage}\n`);
      return 0;
    }
    const root = toolRoot();
    const packDir = path.resolve(args.policyPack ?? root);
    const policyPackConfig = readConfigFile(args.policyPackConfig);
    const output = process.stderr;
    if (args.stackExport) {
      return await report(
        await checkStackExport(args.stackExport, { packDir, policyPackConfig, output }),
        args,
        packDir,
        args.stackExport,
      );
    }
    if (args.programDir) {
      const timeoutMs = args.timeoutSeconds === undefined ? undefined : args.timeoutSeconds * 1000;
      const result = await checkProgram(args.programDir, {
        packDir,
        policyPackConfig,
        output,
        stack: args.stack,
        config: args.config,
        timeoutMs,
      });
      return await report(result, args, packDir, args.programDir);
    }
    const outcomes = await runExamples(path.join(root, "examples"), packDir, output);
    const summary = renderExamplesSummary(outcomes);
    if (args.json) await write(process.stdout, `${JSON.stringify({ examples: outcomes }, null, 2)}\n`);
    else await write(process.stdout, summary);
    return outcomes.every((o) => o.pass) ? 0 : 1;
  } catch (err) {
    await write(process.stderr, `error: ${err instanceof Error ? err.message : String(err)}\n`);
    return err instanceof RunnerError ? err.exitCode : 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
