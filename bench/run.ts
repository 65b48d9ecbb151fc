/**
 * `npm run bench`: benchmarks this pack against its floor (an empty pack for start-up, a no-op pack for
 * AnalyzeStack) and the filter-pattern engine's worst cases, then writes BENCHMARKS.md. See `--help`.
 * Exit code: 0 when the run completed (whatever the targets say), 1 on a failed run, 2 on a bad option.
 */
import * as fs from "fs";
import * as path from "path";
import { toolRoot } from "../tools/project-root";
import { runBench } from "./harness";
import { parseBenchArgs, usage } from "./options";
import { renderBenchmarksMarkdown, renderConsoleSummary } from "./report";

async function main(argv: string[]): Promise<number> {
  const parsed = parseBenchArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`bench: ${parsed.message}\n${usage}\n`);
    return 2;
  }
  if (parsed.options.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const projectRoot = toolRoot(__dirname);
  const report = await runBench(parsed.options, { projectRoot });
  process.stdout.write(`${renderConsoleSummary(report)}\n`);
  if (parsed.options.out) {
    const file = path.resolve(projectRoot, parsed.options.out);
    fs.writeFileSync(file, renderBenchmarksMarkdown(report));
    process.stdout.write(`wrote ${path.relative(process.cwd(), file) || file}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
