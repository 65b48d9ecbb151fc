/**
 * The chunks a whole mutation measurement is run in (tools/mutation/chunks.ts) and `npm run mutate:chunks`: the
 * table against the real file tree, the staleness of a chunk's kept run, the steps and command lines of its two
 * passes, and the command line. No Stryker run here: `--dry-run` runs nothing.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chunkFiles, chunkTableProblems, unmeasuredChunks } from "../../tools/mutation/chunk-files";
import {
  chunkSteps,
  commandText,
  firstPassCommand,
  secondPassCommand,
  stepText,
  withoutUndetected,
} from "../../tools/mutation/chunk-passes";
import { chunkState, describeChunkState, runsChunk } from "../../tools/mutation/chunk-state";
import { CHUNKS, selectChunks, type Chunk } from "../../tools/mutation/chunks";
import { sourceHash } from "../../tools/mutation/kept-run";
import { filesUnder, foldersOf, mutatedFiles, strykerMutateGlobs } from "../../tools/mutation/mutated-files";

const root = path.join(__dirname, "../..");
const runsDir = path.join(root, "docs/mutation/runs");
const keptNames = fs
  .readdirSync(runsDir)
  .filter((name) => name.endsWith(".json"))
  .map((name) => name.slice(0, -".json".length));

describe("the mutation runs' jest configuration", () => {
  const configWith = (tests: string | undefined): { testMatch: string[] } => {
    const saved = process.env.MUTATION_TESTS;
    if (tests === undefined) delete process.env.MUTATION_TESTS;
    else process.env.MUTATION_TESTS = tests;
    try {
      let config: { testMatch: string[] } | undefined;
      jest.isolateModules(() => {
        config = jest.requireActual(path.join(root, "jest.mutate.config.js"));
      });
      return config as { testMatch: string[] };
    } finally {
      if (saved === undefined) delete process.env.MUTATION_TESTS;
      else process.env.MUTATION_TESTS = saved;
    }
  };

  it("takes every test without MUTATION_TESTS, and only the folders it names with it", () => {
    expect(configWith(undefined).testMatch).toEqual(["**/*.test.ts"]);
    expect(configWith("").testMatch).toEqual(["**/*.test.ts"]);
    expect(configWith("test/filter-pattern,test/a").testMatch).toEqual([
      "<rootDir>/test/filter-pattern/**/*.test.ts",
      "<rootDir>/test/a/**/*.test.ts",
    ]);
  });

  it("names test folders that exist and hold tests, in every chunk that names any", () => {
    const named = CHUNKS.flatMap((chunk) => chunk.tests ?? []);
    expect(named.length).toBeGreaterThan(0);
    for (const folder of named) {
      expect(fs.readdirSync(path.join(root, folder)).some((file) => file.endsWith(".test.ts"))).toBe(true);
    }
  });
});

describe("chunkTableProblems", () => {
  const tree = ["lib/a/x.ts", "lib/a/y.ts", "lib/a/sources.ts", "lib/b/z.ts"];
  const mutated = ["lib/a/x.ts", "lib/a/y.ts", "lib/b/z.ts"];
  const chunk = (name: string, ...mutate: string[]): Chunk => ({ name, mutate });

  it("finds nothing wrong when each mutated file is in one chunk", () => {
    expect(
      chunkTableProblems([chunk("a", "lib/a/**/*.ts", "!lib/a/sources.ts"), chunk("b", "lib/b/z.ts")], mutated, tree),
    ).toEqual([]);
  });

  it("names a file in no chunk, one in two, a file Stryker leaves out, a glob that matches nothing, a name used twice", () => {
    expect(
      chunkTableProblems(
        [chunk("a", "lib/a/**/*.ts"), chunk("x", "lib/a/x.ts", "lib/c/gone.ts"), chunk("x", "!lib/b/nothing.ts")],
        mutated,
        tree,
      ),
    ).toEqual([
      "x: the name of more than one chunk",
      "a: lib/a/sources.ts is not mutated (stryker.config.json)",
      "x: lib/c/gone.ts matches no file",
      "x: !lib/b/nothing.ts matches no file",
      "lib/a/x.ts: in 2 chunks (a, x)",
      "lib/b/z.ts: in no chunk",
    ]);
  });
});

describe("the chunk table (tools/mutation/chunks.ts)", () => {
  const mutate = strykerMutateGlobs(root);
  const tree = filesUnder(root, foldersOf(mutate));
  const mutated = mutatedFiles(root);

  it("puts every file stryker.config.json mutates, in the real tree, in exactly one chunk", () => {
    expect(mutated.length).toBeGreaterThan(100);
    expect(chunkTableProblems(CHUNKS, mutated, tree)).toEqual([]);
  });

  it("fails for a new lib/ file that no chunk names", () => {
    expect(
      chunkTableProblems(CHUNKS, [...mutated, "lib/alarm-rule/new.ts"], [...tree, "lib/alarm-rule/new.ts"]),
    ).toEqual(["lib/alarm-rule/new.ts: in no chunk"]);
  });

  it("gives each kept run's chunk the globs the run was made with (docs/mutation/runs/)", () => {
    expect(keptNames).toEqual(expect.arrayContaining(["controls", "ct-fields"]));
    for (const name of keptNames) {
      const kept = JSON.parse(fs.readFileSync(path.join(runsDir, `${name}.json`), "utf8")) as {
        config?: { mutate?: string[] };
      };
      expect([name, CHUNKS.find((chunk) => chunk.name === name)?.mutate]).toEqual([name, kept.config?.mutate]);
    }
  });

  it("holds at most about 500 lines in a chunk of several files, but for the groupings of data", () => {
    // lib/controls and lib/cloudtrail are mostly tables of data (static mutants, left out); policies/ likewise.
    const groupings = ["controls", "ct-fields", "cloudtrail-calls", "cloudtrail-routine", "policies"];
    const lines = (file: string) => fs.readFileSync(path.join(root, file), "utf8").split("\n").length - 1;
    const large = CHUNKS.filter((chunk) => !groupings.includes(chunk.name))
      .map((chunk) => ({ chunk, files: chunkFiles(chunk, mutated) }))
      .filter(({ files }) => files.length > 1)
      .map(({ chunk, files }) => [chunk.name, files.reduce((sum, file) => sum + lines(file), 0)] as const)
      .filter(([, total]) => total > 550);
    expect(large).toEqual([]);
  });
});

describe("selectChunks", () => {
  it("is every chunk when none is named, else the ones named, in the order given, once each", () => {
    expect(selectChunks(CHUNKS, [])).toEqual({ ok: true, chunks: CHUNKS });
    const picked = selectChunks(CHUNKS, ["stack-8", "controls", "stack-8"]);
    expect(picked.ok && picked.chunks.map((chunk) => chunk.name)).toEqual(["stack-8", "controls"]);
  });

  it("names the names that are no chunk's", () => {
    expect(selectChunks(CHUNKS, ["controls", "stak-1", "x"])).toEqual({ ok: false, unknown: ["stak-1", "x"] });
  });
});

describe("chunkState", () => {
  const files = ["lib/a/x.ts", "lib/a/y.ts"];
  const sources: Record<string, string> = { "lib/a/x.ts": "x now", "lib/a/y.ts": "y now" };
  const current = (file: string) => sources[file];
  const kept = (x: string, mutate = ["lib/a/*.ts"]) => ({
    config: { mutate },
    files: { "lib/a/x.ts": { sha256: sourceHash(x), mutants: [] } },
  });

  it("is current when the kept run saw every file as it is: skipped with --stale-only, run without", () => {
    const state = chunkState(files, kept("x now"), current);
    expect(state).toEqual({ kind: "current" });
    expect(describeChunkState(state)).toBe("kept and current");
    expect([runsChunk(state, true), runsChunk(state, false)]).toEqual([false, true]);
  });

  it("is stale, naming the file, when a file changed since the run (or is gone)", () => {
    const state = chunkState(files, kept("x then"), current);
    expect(describeChunkState(state)).toBe("stale: lib/a/x.ts changed since its run");
    expect(runsChunk(state, true)).toBe(true);
    expect(describeChunkState(chunkState(files, kept("x now"), () => undefined))).toBe(
      "stale: lib/a/x.ts changed since its run",
    );
  });

  it("is stale when the chunk has a file its run did not mutate", () => {
    const state = chunkState(files, kept("x now", ["lib/a/x.ts"]), current);
    expect(describeChunkState(state)).toBe("stale: lib/a/y.ts not in its run");
    expect(runsChunk(state, true)).toBe(true);
  });

  it("is stale when its run was tried against other tests than the chunk names", () => {
    const limited = { ...kept("x now", ["lib/a/x.ts", "lib/a/y.ts"]), config: { mutate: files, tests: ["test/a"] } };
    const whole = kept("x now", files);
    expect(chunkState(files, limited, current, ["test/a"])).toEqual({ kind: "current" });
    expect(chunkState(files, whole, current)).toEqual({ kind: "current" });
    expect(describeChunkState(chunkState(files, whole, current, ["test/a"]))).toBe(
      "stale: its run was tried against every suite",
    );
    expect(describeChunkState(chunkState(files, limited, current))).toBe("stale: its run was tried against test/a");
    expect(describeChunkState(chunkState(files, limited, current, ["test/a", "test/b"]))).toBe(
      "stale: its run was tried against test/a",
    );
    expect(runsChunk(chunkState(files, limited, current), true)).toBe(true);
  });

  it("is never kept without a kept run, and names why a kept run cannot be read: both run", () => {
    expect(describeChunkState(chunkState(files, undefined, current))).toBe("never kept");
    expect(runsChunk(chunkState(files, undefined, current), true)).toBe(true);
    const unreadable = chunkState(files, "r.json: Unexpected end of JSON input", current);
    expect(describeChunkState(unreadable)).toBe("kept run unreadable (r.json: Unexpected end of JSON input)");
    expect(runsChunk(unreadable, true)).toBe(true);
  });
});

describe("the passes of a chunk's run", () => {
  const chunk: Chunk = { name: "controls", mutate: ["lib/controls/**/*.ts", "!lib/controls/sources.ts"] };

  it("runs pass 1 with the chunk's globs, its own incremental file and the json, progress and survivors reporters", () => {
    expect(firstPassCommand(chunk)).toEqual({
      env: {},
      command: "npx",
      args: [
        "stryker",
        "run",
        "--mutate",
        "lib/controls/**/*.ts,!lib/controls/sources.ts",
        "--incrementalFile",
        "reports/controls-incremental.json",
        "--reporters",
        "json,progress-append-only,survivors",
      ],
    });
    expect(commandText(firstPassCommand(chunk))).toBe(
      "npx stryker run --mutate 'lib/controls/**/*.ts,!lib/controls/sources.ts' --incrementalFile reports/controls-incremental.json --reporters json,progress-append-only,survivors",
    );
  });

  it("runs pass 2 as pass 1 with whole test files and 60 s more", () => {
    expect(commandText(secondPassCommand(chunk))).toBe(
      "STRYKER_WHOLE_FILES=1 npx stryker run --mutate 'lib/controls/**/*.ts,!lib/controls/sources.ts' --incrementalFile reports/controls-incremental.json --reporters json,progress-append-only,survivors --timeoutMS 60000",
    );
  });

  it("keeps pass 1's report aside, and keeps pass 2's with it as the first pass", () => {
    expect(chunkSteps(chunk, false).map((step) => step.kind)).toEqual(["command", "copy", "keep"]);
    expect(chunkSteps(chunk, false)[2]).toEqual({
      kind: "keep",
      name: "controls",
      report: "reports/mutation/mutation.json",
    });
    const steps = chunkSteps(chunk, true);
    expect(steps).toEqual([
      { kind: "command", command: firstPassCommand(chunk) },
      { kind: "copy", from: "reports/mutation/mutation.json", to: "reports/controls-pass1.json" },
      { kind: "forget survivors", file: "reports/controls-incremental.json" },
      { kind: "command", command: secondPassCommand(chunk) },
      {
        kind: "keep",
        name: "controls",
        report: "reports/mutation/mutation.json",
        firstPass: "reports/controls-pass1.json",
      },
    ]);
  });

  it("runs a chunk that names its test folders against those only, and keeps its run with them", () => {
    const limited: Chunk = {
      name: "fp",
      mutate: ["lib/filter-pattern/regex.ts"],
      tests: ["test/filter-pattern", "test/x"],
    };
    expect(firstPassCommand(limited).env).toEqual({ MUTATION_TESTS: "test/filter-pattern,test/x" });
    expect(secondPassCommand(limited).env).toEqual({
      MUTATION_TESTS: "test/filter-pattern,test/x",
      STRYKER_WHOLE_FILES: "1",
    });
    const steps = chunkSteps(limited, false);
    expect(steps[2]).toEqual({
      kind: "keep",
      name: "fp",
      report: "reports/mutation/mutation.json",
      tests: ["test/filter-pattern", "test/x"],
    });
    expect(stepText(steps[2])).toBe(
      "npm run mutate:keep -- --tests test/filter-pattern,test/x fp reports/mutation/mutation.json",
    );
    expect(chunkSteps(limited, true)[4]).toMatchObject({ firstPass: "reports/fp-pass1.json", tests: limited.tests });
  });

  it("forgets the survived and uncovered mutants of an incremental file, and nothing else of it", () => {
    const incremental = {
      schemaVersion: "2",
      testFiles: { "t.ts": {} },
      files: {
        "lib/a.ts": {
          source: "s",
          mutants: ["Killed", "Survived", "Timeout", "NoCoverage", "Ignored"].map((status) => ({ status })),
        },
      },
    };
    expect(withoutUndetected(incremental)).toEqual({
      ...incremental,
      files: {
        "lib/a.ts": { source: "s", mutants: [{ status: "Killed" }, { status: "Timeout" }, { status: "Ignored" }] },
      },
    });
  });
});

describe("unmeasuredChunks", () => {
  it("names the chunks a file of which no run measured", () => {
    const chunks: Chunk[] = [
      { name: "a", mutate: ["lib/a/*.ts"] },
      { name: "b", mutate: ["lib/b/*.ts"] },
      { name: "c", mutate: ["lib/c/*.ts"] },
    ];
    const files = ["lib/a/x.ts", "lib/a/y.ts", "lib/b/z.ts", "lib/c/w.ts"];
    expect(unmeasuredChunks(chunks, files, new Set(["lib/a/x.ts", "lib/c/w.ts"]))).toEqual(["a", "b"]);
  });
});

describe("npm run mutate:chunks", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(root, "bin/tools/mutation-chunks.js"), ...args], { encoding: "utf8" });

  it.each([
    [["stak-1"], 'mutate:chunks: no chunk named "stak-1" (chunks: controls, ct-fields, '],
    [["--bogus"], "mutate:chunks: Unknown option '--bogus'"],
  ])("answers %j with one line and status 2, running nothing", (args, line) => {
    const result = run("--dry-run", ...args);
    expect(result.status).toBe(2);
    expect(result.stderr.split("\n")[0]).toContain(line);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe("");
  });

  it("--dry-run over the real table and kept runs: every chunk once, in order, with its state and steps", () => {
    const before = keptNames.map((name) => fs.statSync(path.join(runsDir, `${name}.json`)).mtimeMs);
    const result = run("--dry-run", "--stale-only", "--second-pass");
    expect([result.status, result.stderr]).toEqual([0, ""]);
    const heads = result.stdout.split("\n").filter((line) => /^\S+ \(\d+ files?\): /.test(line));
    expect(heads.map((line) => line.split(" ")[0])).toEqual(CHUNKS.map((chunk) => chunk.name));
    for (const [i, head] of heads.entries()) {
      const name = CHUNKS[i].name;
      if (keptNames.includes(name)) expect(head).toMatch(/: (kept and current -> skip|stale: .* -> run)$/);
      else expect(head).toMatch(/: never kept -> run$/);
    }
    const toRun = heads.filter((line) => line.endsWith("-> run")).length;
    expect(result.stdout).toContain(`dry run: ${toRun} to run, ${heads.length - toRun} skipped; nothing was run\n`);
    // Nothing kept was touched.
    expect(keptNames.map((name) => fs.statSync(path.join(runsDir, `${name}.json`)).mtimeMs)).toEqual(before);
  });

  it("--dry-run of chunks named, without --stale-only, runs them whatever their state, in the order given", () => {
    const result = run("--dry-run", "--second-pass", "stack-8", "ct-family");
    expect([result.status, result.stderr]).toEqual([0, ""]);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toMatch(/^stack-8 \(1 file\): .* -> run$/);
    expect(lines[6]).toMatch(/^ct-family \(1 file\): .* -> run$/);
    expect(lines.slice(7)).toEqual([
      "  MUTATION_TESTS=test/cloudtrail,test/coverage npx stryker run --mutate lib/cloudtrail/family.ts --incrementalFile reports/ct-family-incremental.json --reporters json,progress-append-only,survivors",
      "  cp reports/mutation/mutation.json reports/ct-family-pass1.json",
      "  (take the Survived and NoCoverage mutants out of reports/ct-family-incremental.json)",
      "  MUTATION_TESTS=test/cloudtrail,test/coverage STRYKER_WHOLE_FILES=1 npx stryker run --mutate lib/cloudtrail/family.ts --incrementalFile reports/ct-family-incremental.json --reporters json,progress-append-only,survivors --timeoutMS 60000",
      "  npm run mutate:keep -- --first-pass reports/ct-family-pass1.json --tests test/cloudtrail,test/coverage ct-family reports/mutation/mutation.json",
      "dry run: 2 to run, 0 skipped; nothing was run",
      "",
    ]);
  });

  it("reports a chunk whose Stryker run fails, goes on to the next, and exits 1 (a stand-in npx: no Stryker runs)", () => {
    // The stand-in writes the two variables the loop sets; the shell's own values of them never reach Stryker.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), "mutation-chunks-"));
    const calls = path.join(bin, "calls.txt");
    fs.writeFileSync(
      path.join(bin, "npx"),
      `#!/bin/sh\necho "[$MUTATION_KEEP_MEMOS] [$STRYKER_WHOLE_FILES] $*" >> ${calls}\nexit 3\n`,
      {
        mode: 0o755,
      },
    );
    const result = spawnSync(
      process.execPath,
      [path.join(root, "bin/tools/mutation-chunks.js"), "stack-8", "ct-family"],
      {
        encoding: "utf8",
        env: {
          ...process.env,
          MUTATION_KEEP_MEMOS: "1",
          STRYKER_WHOLE_FILES: "1",
          PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
        },
      },
    );
    const called = fs.readFileSync(calls, "utf8");
    fs.rmSync(bin, { recursive: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "mutate:chunks: stack-8 failed: stryker exited with status 3\nmutate:chunks: ct-family failed: stryker exited with status 3\n",
    );
    expect(result.stdout).toMatch(/mutate:chunks: 2 run, 0 skipped, 2 failed \(stack-8, ct-family\)\n$/);
    expect(called).toBe(
      [
        "[1] [] stryker run --mutate lib/stack/stack.ts --incrementalFile reports/stack-8-incremental.json --reporters json,progress-append-only,survivors",
        "[] [] stryker run --mutate lib/cloudtrail/family.ts --incrementalFile reports/ct-family-incremental.json --reporters json,progress-append-only,survivors",
        "",
      ].join("\n"),
    );
  });
});
