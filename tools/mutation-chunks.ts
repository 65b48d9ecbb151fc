/**
 * `npm run mutate:chunks -- [NAME ...] [--stale-only] [--second-pass] [--dry-run]`: the whole mutation measurement,
 * chunk by chunk (tools/mutation/chunks.ts; all of them, or the NAMEs given): Stryker over each chunk's files with
 * its own incremental file, pass 1's report put aside as reports/<name>-pass1.json, with `--second-pass` a second
 * pass over its survivors (docs/mutation-testing.md, "Two passes"), and the run kept as docs/mutation/runs/<name>.json
 * (`mutate:keep`). `--stale-only` skips a chunk whose kept run saw every file's source as it is now; `--dry-run`
 * prints each chunk's state and steps and runs nothing. A chunk that fails is reported and the next one run.
 * Exit status: 0; 1 when a chunk failed; 2 on a bad option or an unknown chunk name.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { readCommandLine } from "./command-line";
import { chunkFiles } from "./mutation/chunk-files";
import { chunkSteps, COMMAND_VARIABLES, stepText, withoutUndetected, type Step } from "./mutation/chunk-passes";
import { chunkState, describeChunkState, runsChunk } from "./mutation/chunk-state";
import { CHUNKS, selectChunks } from "./mutation/chunks";
import type { MutationReport } from "./mutation/figures";
import { keepReport } from "./mutation/keep";
import { mutatedFiles, sourceReader } from "./mutation/mutated-files";
import { readReportFile } from "./mutation/report-file";
import { toolRoot } from "./project-root";

const usage = "usage: npm run mutate:chunks -- [NAME ...] [--stale-only] [--second-pass] [--dry-run]";

function fail(message: string): number {
  process.stderr.write(`mutate:chunks: ${message}\n${usage}\n`);
  return 2;
}

/** Takes a step from `root`: undefined when it went well, else what went wrong; `stop` when interrupted. */
function takeStep(step: Step, root: string, runs: string): { problem?: string; stop?: boolean } {
  const at = (file: string) => path.join(root, file);
  switch (step.kind) {
    case "command": {
      const { command, args, env } = step.command;
      // The step's variables only: none of ours left over from the shell (undefined drops a variable).
      const ours = Object.fromEntries(COMMAND_VARIABLES.map((name) => [name, undefined]));
      const result = spawnSync(command, args, {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, ...ours, ...env },
      });
      if (result.error !== undefined) return { problem: `${command}: ${result.error.message}` };
      if (result.signal !== null)
        return {
          problem: `stopped by ${result.signal}`,
          stop: result.signal === "SIGINT" || result.signal === "SIGTERM",
        };
      return result.status === 0 ? {} : { problem: `stryker exited with status ${result.status}` };
    }
    case "copy":
      try {
        fs.copyFileSync(at(step.from), at(step.to));
        return {};
      } catch {
        return { problem: `${step.from} cannot be copied to ${step.to}` };
      }
    case "forget survivors": {
      const report = readReportFile<MutationReport>(at(step.file));
      if (typeof report === "string") return { problem: report };
      fs.writeFileSync(at(step.file), JSON.stringify(withoutUndetected(report)));
      return {};
    }
    case "keep": {
      const kept = keepReport({
        name: step.name,
        report: at(step.report),
        firstPass: step.firstPass === undefined ? undefined : at(step.firstPass),
        tests: step.tests,
        dir: runs,
      });
      if (!kept.ok) return { problem: kept.message };
      process.stdout.write(`${kept.message}\n`);
      return {};
    }
  }
}

function main(argv: string[]): number {
  const line = readCommandLine(
    argv,
    {
      "stale-only": { type: "boolean" },
      "second-pass": { type: "boolean" },
      "dry-run": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    true,
  );
  if (!line.ok) return fail(line.message);
  if (line.values.help === true) {
    process.stdout.write(`${usage}\nchunks: ${CHUNKS.map((chunk) => chunk.name).join(", ")}\n`);
    return 0;
  }
  const selected = selectChunks(CHUNKS, line.positionals);
  if (!selected.ok)
    return fail(
      `no chunk named ${selected.unknown.map((name) => JSON.stringify(name)).join(", ")} (chunks: ${CHUNKS.map((chunk) => chunk.name).join(", ")})`,
    );
  const dryRun = line.values["dry-run"] === true;
  const root = toolRoot(__dirname);
  const runs = path.join(root, "docs/mutation/runs");
  const mutated = mutatedFiles(root);
  const currentSource = sourceReader(root);
  const [ran, skipped, failed]: [string[], string[], string[]] = [[], [], []];
  for (const chunk of selected.chunks) {
    const files = chunkFiles(chunk, mutated);
    const keptFile = path.join(runs, `${chunk.name}.json`);
    const kept = fs.existsSync(keptFile) ? readReportFile<MutationReport>(keptFile) : undefined;
    const state = chunkState(files, kept, currentSource, chunk.tests);
    const runIt = runsChunk(state, line.values["stale-only"] === true);
    const fileCount = files.length === 1 ? "1 file" : `${files.length} files`;
    process.stdout.write(`${chunk.name} (${fileCount}): ${describeChunkState(state)} -> ${runIt ? "run" : "skip"}\n`);
    if (!runIt) {
      skipped.push(chunk.name);
      continue;
    }
    ran.push(chunk.name);
    let stop = false;
    for (const step of chunkSteps(chunk, line.values["second-pass"] === true)) {
      process.stdout.write(`  ${stepText(step)}\n`);
      if (dryRun) continue;
      const taken = takeStep(step, root, runs);
      if (taken.problem !== undefined) {
        process.stderr.write(`mutate:chunks: ${chunk.name} failed: ${taken.problem}\n`);
        failed.push(chunk.name);
        stop = taken.stop === true;
        break;
      }
    }
    if (stop) break;
  }
  const counts = `${ran.length} ${dryRun ? "to run" : "run"}, ${skipped.length} skipped`;
  process.stdout.write(
    dryRun
      ? `dry run: ${counts}; nothing was run\n`
      : `mutate:chunks: ${counts}${failed.length > 0 ? `, ${failed.length} failed (${failed.join(", ")})` : ""}\n`,
  );
  return failed.length > 0 ? 1 : 0;
}

// Output piped into `head` that has had enough: stop quietly, not with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = main(process.argv.slice(2));
