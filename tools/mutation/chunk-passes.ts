/**
 * The two passes of a chunk's run (docs/mutation-testing.md, "Two passes"): the Stryker command lines, the files
 * they leave in reports/, and the step between them that makes the second pass test pass 1's survivors again.
 */
import { mutatesMemoCode, type Chunk } from "./chunks";
import { isUndetected } from "./figures";

/** A command to run from the project's root, with the variables it adds to the environment. */
export interface Command {
  readonly env: Readonly<Record<string, string>>;
  readonly command: string;
  readonly args: readonly string[];
}

/** The variables the commands below may set (mutate:chunks clears any the shell left set). */
const KEEP_MEMOS = "MUTATION_KEEP_MEMOS";
const WHOLE_FILES = "STRYKER_WHOLE_FILES";
/** The chunk's test folders, comma-separated (`Chunk.tests`; read by jest.mutate.config.js). */
const TESTS = "MUTATION_TESTS";
export const COMMAND_VARIABLES: readonly string[] = [KEEP_MEMOS, WHOLE_FILES, TESTS];

/** Where Stryker's json reporter writes its report. */
export const REPORT_FILE = "reports/mutation/mutation.json";
export const incrementalFileOf = (chunk: Chunk): string => `reports/${chunk.name}-incremental.json`;
/** Where pass 1's report is copied, for `mutate:keep --first-pass`. */
export const firstPassFileOf = (chunk: Chunk): string => `reports/${chunk.name}-pass1.json`;

/**
 * Stryker over the chunk's files, with its own incremental file: the json report, progress and survivors as found.
 * The memo tables are kept through the initial run (MUTATION_KEEP_MEMOS) when the chunk mutates no code that
 * computes them (`mutatesMemoCode`); only the chunk's test folders are run when it names them (MUTATION_TESTS).
 */
export function firstPassCommand(chunk: Chunk): Command {
  return {
    env: {
      ...(mutatesMemoCode(chunk) ? {} : { [KEEP_MEMOS]: "1" }),
      ...(chunk.tests === undefined ? {} : { [TESTS]: chunk.tests.join(",") }),
    },
    command: "npx",
    args: [
      "stryker",
      "run",
      "--mutate",
      chunk.mutate.join(","),
      "--incrementalFile",
      incrementalFileOf(chunk),
      "--reporters",
      "json,progress-append-only,survivors",
    ],
  };
}

/**
 * Pass 1 again over the incremental file without its survivors (`withoutUndetected`): every test of the files
 * holding a survivor's covering tests (STRYKER_WHOLE_FILES, scripts/stryker-covering-test-files.mjs), with 60 s more
 * to run them.
 */
export function secondPassCommand(chunk: Chunk): Command {
  const first = firstPassCommand(chunk);
  return { ...first, env: { ...first.env, [WHOLE_FILES]: "1" }, args: [...first.args, "--timeoutMS", "60000"] };
}

/** An incremental file (a Stryker JSON report) less its Survived and NoCoverage mutants, which Stryker then tests again. */
export function withoutUndetected<
  R extends { readonly files: Readonly<Record<string, { readonly mutants: readonly { readonly status: string }[] }>> },
>(report: R): R {
  const files = Object.fromEntries(
    Object.entries(report.files).map(([file, result]) => [
      file,
      { ...result, mutants: result.mutants.filter((m) => !isUndetected(m.status)) },
    ]),
  );
  return { ...report, files };
}

/** A word as a POSIX shell reads it: as it is when it is safe, else in single quotes (`*` and `!` are not safe). */
const shellWord = (word: string): string => (/^[\w./,=:@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** A command as a line to paste into a shell. */
export const commandText = (command: Command): string =>
  [
    ...Object.entries(command.env).map(([name, value]) => `${name}=${shellWord(value)}`),
    ...[command.command, ...command.args].map(shellWord),
  ].join(" ");

/** One step of a chunk's run, in the order they are taken. */
export type Step =
  | { readonly kind: "command"; readonly command: Command }
  | { readonly kind: "copy"; readonly from: string; readonly to: string }
  /** `withoutUndetected` over the file. */
  | { readonly kind: "forget survivors"; readonly file: string }
  /** `mutate:keep` of `report` under the chunk's name (tools/mutation/keep.ts), with the chunk's test folders. */
  | {
      readonly kind: "keep";
      readonly name: string;
      readonly report: string;
      readonly firstPass?: string;
      readonly tests?: readonly string[];
    };

/** The steps of a chunk's run: pass 1, its report put aside, pass 2 when asked for, and the run kept. */
export function chunkSteps(chunk: Chunk, secondPass: boolean): Step[] {
  const firstPass = firstPassFileOf(chunk);
  const tests = chunk.tests === undefined ? {} : { tests: chunk.tests };
  return [
    { kind: "command", command: firstPassCommand(chunk) },
    { kind: "copy", from: REPORT_FILE, to: firstPass },
    ...(secondPass
      ? ([
          { kind: "forget survivors", file: incrementalFileOf(chunk) },
          { kind: "command", command: secondPassCommand(chunk) },
          { kind: "keep", name: chunk.name, report: REPORT_FILE, firstPass, ...tests },
        ] as const)
      : ([{ kind: "keep", name: chunk.name, report: REPORT_FILE, ...tests }] as const)),
  ];
}

/** A step as a line of shell, or in words where no shell command does it. */
export function stepText(step: Step): string {
  switch (step.kind) {
    case "command":
      return commandText(step.command);
    case "copy":
      return `cp ${step.from} ${step.to}`;
    case "forget survivors":
      return `(take the Survived and NoCoverage mutants out of ${step.file})`;
    case "keep":
      return `npm run mutate:keep -- ${step.firstPass === undefined ? "" : `--first-pass ${step.firstPass} `}${step.tests === undefined ? "" : `--tests ${step.tests.join(",")} `}${step.name} ${step.report}`;
  }
}
