/**
 * `npm run fuzz`: generated and mutated inputs against the pack, its pattern engine and its tools, with
 * invariants checked on every answer; writes RELIABILITY.md. See `--help`.
 * Exit status: 0 when no failure was found, 1 when one was (or the run itself failed), 2 on a bad option.
 */
import * as fs from "fs";
import * as path from "path";
import { mutationBlockOf } from "../tools/mutation/render";
import { toolRoot } from "../tools/project-root";
import { runFuzz } from "./fuzz";
import { parseFuzzArgs, usage } from "./options";
import { renderConsoleSummary, renderReliabilityMarkdown } from "./report";

async function main(argv: string[]): Promise<number> {
  const parsed = parseFuzzArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`fuzz: ${parsed.message}\n${usage}\n`);
    return 2;
  }
  if (parsed.options.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const root = toolRoot(__dirname);
  const report = await runFuzz(parsed.options, { root, failureDir: path.join(root, ".fuzz-failures") });
  process.stdout.write(`${renderConsoleSummary(report)}\n`);
  if (parsed.options.out !== undefined) {
    const file = path.resolve(root, parsed.options.out);
    // The mutation-testing section comes from Stryker's reports (npm run mutate:summary): keep it.
    const mutation = fs.existsSync(file) ? mutationBlockOf(fs.readFileSync(file, "utf8")) : "";
    fs.writeFileSync(file, renderReliabilityMarkdown(report) + (mutation === "" ? "" : `\n${mutation}`));
    process.stdout.write(`wrote ${path.relative(process.cwd(), file) || file}\n`);
  }
  return report.failureCount === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
