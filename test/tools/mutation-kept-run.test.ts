/**
 * Mutation runs kept in the repository (tools/mutation/kept-run.ts, `npm run mutate:keep`): what a kept run holds
 * of Stryker's report, its text, and which files have changed since their run.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { changedSince, keepRun, keptRunText, sourceHash, withFirstPassSurvivors } from "../../tools/mutation/kept-run";
import { mutationFigures } from "../../tools/mutation/figures";

const mutant = (status: string, line: number, replacement = "true", column = 1) => ({
  id: `${line}:${column}`,
  mutatorName: "ConditionalExpression",
  replacement,
  status,
  location: { start: { line, column }, end: { line, column: column + 4 } },
  coveredBy: ["test-1", "test-2"],
});

describe("sourceHash", () => {
  it("is SHA-256 in hex (FIPS 180-2's example: abc)", () => {
    expect(sourceHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("keepRun", () => {
  const report = {
    config: { mutate: ["lib/a/**/*.ts"] },
    files: {
      "lib/a/y.ts": { source: "abc", mutants: [mutant("Killed", 9), mutant("Survived", 2, "  a\n  <=   b ")] },
      "lib/a/x.ts": { source: "", mutants: [mutant("NoCoverage", 4, "x".repeat(300)), mutant("Ignored", 1)] },
    },
  };

  it("keeps the globs, and of each mutant its mutator, status and place, in line order, files by name", () => {
    const kept = keepRun(report, "2026-12-03 04:00 UTC");
    if (typeof kept === "string") throw new Error(kept);
    expect(kept.written).toBe("2026-12-03 04:00 UTC");
    expect(kept.config).toEqual({ mutate: ["lib/a/**/*.ts"] });
    expect(Object.keys(kept.files)).toEqual(["lib/a/x.ts", "lib/a/y.ts"]);
    expect(kept.files["lib/a/y.ts"]).toEqual({
      sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      mutants: [
        // Only an undetected mutant keeps its replacement, white space runs made one space.
        {
          mutatorName: "ConditionalExpression",
          status: "Survived",
          location: { start: { line: 2, column: 1 } },
          replacement: " a <= b ",
        },
        { mutatorName: "ConditionalExpression", status: "Killed", location: { start: { line: 9, column: 1 } } },
      ],
    });
    const cut = kept.files["lib/a/x.ts"].mutants[1].replacement ?? "";
    expect([cut.length, cut.endsWith("…")]).toEqual([120, true]);
  });

  it("gives the same counts and the same undetected mutants as the report it keeps", () => {
    const kept = keepRun(report, "w");
    if (typeof kept === "string") throw new Error(kept);
    const [fromKept, fromReport] = [mutationFigures([kept]), mutationFigures([report])];
    expect(fromKept.total).toEqual({ killed: 1, timeout: 0, survived: 1, noCoverage: 1, ignored: 1, invalid: 0 });
    expect(fromKept.folders).toEqual(fromReport.folders);
    const where = (figures: typeof fromKept) => figures.undetected.map((m) => [m.file, m.line, m.mutator, m.status]);
    expect(where(fromKept)).toEqual(where(fromReport));
  });

  it("records the test folders a run was limited to, and none for a run of every suite", () => {
    const kept = keepRun(report, "w", ["test/filter-pattern"]);
    if (typeof kept === "string") throw new Error(kept);
    expect(kept.config).toEqual({ mutate: ["lib/a/**/*.ts"], tests: ["test/filter-pattern"] });
    expect(JSON.parse(keptRunText(kept)).config).toEqual(kept.config);
    const withoutGlobs = keepRun({ files: report.files }, "w", ["test/a"]);
    expect(typeof withoutGlobs !== "string" && withoutGlobs.config).toEqual({ tests: ["test/a"] });
    const whole = keepRun({ files: report.files }, "w");
    expect(typeof whole !== "string" && "config" in whole).toBe(false);
  });

  it("refuses a file without its source, naming it", () => {
    expect(keepRun({ files: { "lib/a/z.ts": { mutants: [] } } }, "w")).toBe(
      "lib/a/z.ts: the report holds no source for it",
    );
  });
});

describe("keptRunText", () => {
  it("reads back as the kept run, one mutant per line", () => {
    const kept = keepRun(
      { files: { "lib/a/x.ts": { source: "s", mutants: [mutant("Killed", 1), mutant("Killed", 2)] } } },
      "w",
    );
    if (typeof kept === "string") throw new Error(kept);
    const text = keptRunText(kept);
    expect(JSON.parse(text)).toEqual(kept);
    expect(text.split("\n").filter((line) => line.includes('"mutatorName"'))).toHaveLength(2);
  });
});

describe("changedSince", () => {
  const run = (sha256: string) => ({ files: { "lib/a/x.ts": { sha256, mutants: [] } } });

  it("names a file whose source differs from its latest run's, or is gone", () => {
    const sources: Record<string, string> = { "lib/a/x.ts": "now" };
    expect(changedSince([run(sourceHash("now"))], (f) => sources[f])).toEqual([]);
    expect(changedSince([run(sourceHash("then"))], (f) => sources[f])).toEqual(["lib/a/x.ts"]);
    expect(changedSince([run(sourceHash("then")), run(sourceHash("now"))], (f) => sources[f])).toEqual([]);
    expect(changedSince([run(sourceHash("now"))], () => undefined)).toEqual(["lib/a/x.ts"]);
  });

  it("says nothing of a Stryker report, which records no hash", () => {
    expect(changedSince([{ files: { "lib/a/x.ts": { mutants: [] } } }], () => undefined)).toEqual([]);
  });
});

describe("withFirstPassSurvivors", () => {
  const first = {
    files: {
      "lib/a/x.ts": {
        source: "s",
        mutants: [mutant("Survived", 1), mutant("Survived", 2), mutant("Killed", 3), mutant("Timeout", 4)],
      },
    },
  };

  it("keeps a first-pass survivor survived when the second pass timed it out; other results stand", () => {
    const second = {
      files: {
        "lib/a/x.ts": {
          source: "s",
          mutants: [mutant("Timeout", 1), mutant("Killed", 2), mutant("Killed", 3), mutant("Timeout", 4)],
        },
        "lib/a/y.ts": { source: "t", mutants: [mutant("Timeout", 1)] },
      },
    };
    const { report, kept } = withFirstPassSurvivors(second, first);
    expect(kept).toBe(1);
    expect(report.files["lib/a/x.ts"].mutants.map((m) => m.status)).toEqual([
      "Survived",
      "Killed",
      "Killed",
      "Timeout",
    ]);
    // A file the first pass did not run: its timeouts stand.
    expect(report.files["lib/a/y.ts"].mutants.map((m) => m.status)).toEqual(["Timeout"]);
    // The second pass's report itself is left as it was.
    expect(second.files["lib/a/x.ts"].mutants[0].status).toBe("Timeout");
  });

  it("tells mutants at one place apart by mutator and replacement", () => {
    const other = { ...mutant("Timeout", 1), mutatorName: "StringLiteral" };
    const second = { files: { "lib/a/x.ts": { source: "s", mutants: [other, mutant("Timeout", 1, "false")] } } };
    expect(withFirstPassSurvivors(second, first).kept).toBe(0);
  });
});

describe("npm run mutate:keep", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(__dirname, "../../bin/tools/mutation-keep.js"), ...args], {
      encoding: "utf8",
    });
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "mutation-keep-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true }));

  it("keeps a report under its name, which the summary then reads", () => {
    const report = path.join(dir, "mutation.json");
    fs.writeFileSync(
      report,
      JSON.stringify({ files: { "lib/kms/index.ts": { source: "x", mutants: [mutant("Killed", 1)] } } }),
    );
    const result = run("--dir", dir, "kms", report);
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toMatch(/^kept 1 files, 1 mutants in .*kms\.json\n$/);
    const summary = spawnSync(
      process.execPath,
      [path.join(__dirname, "../../bin/tools/mutation-summary.js"), path.join(dir, "kms.json")],
      { encoding: "utf8" },
    );
    expect(summary.stdout).toMatch(/\| lib\/kms \(1 of \d+ files\) \| 1 \| 0 \|/);
    // The file's source today is not "x": its figures are named as possibly out of date.
    expect(summary.stdout).toContain(
      "Changed since their run, so their figures may be out of date (rerun them): lib/kms/index.ts.",
    );
  });

  it("with --first-pass, keeps a first-pass survivor that the second pass timed out as survived", () => {
    const write = (name: string, status: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(
        file,
        JSON.stringify({ files: { "lib/kms/index.ts": { source: "x", mutants: [mutant(status, 1)] } } }),
      );
      return file;
    };
    const first = write("first.json", "Survived");
    const second = write("second.json", "Timeout");
    const result = run("--dir", dir, "--first-pass", first, "kms", second);
    expect(result.stdout).toMatch(
      /kept 1 files, 1 mutants in .*kms\.json; 1 timeouts of the first pass's survivors kept as survived\n$/,
    );
    const kept = JSON.parse(fs.readFileSync(path.join(dir, "kms.json"), "utf8")) as {
      files: Record<string, { mutants: { status: string }[] }>;
    };
    expect(kept.files["lib/kms/index.ts"].mutants[0].status).toBe("Survived");
  });

  it("with --tests, records the test folders the run was limited to; the summary marks the run", () => {
    const report = path.join(dir, "mutation.json");
    fs.writeFileSync(
      report,
      JSON.stringify({ files: { "lib/kms/index.ts": { source: "x", mutants: [mutant("Killed", 1)] } } }),
    );
    const result = run("--dir", dir, "--tests", "test/kms,test/findings", "kms", report);
    expect([result.status, result.stderr]).toEqual([0, ""]);
    const kept = JSON.parse(fs.readFileSync(path.join(dir, "kms.json"), "utf8")) as { config?: unknown };
    expect(kept.config).toEqual({ tests: ["test/kms", "test/findings"] });
    const summary = spawnSync(
      process.execPath,
      [path.join(__dirname, "../../bin/tools/mutation-summary.js"), path.join(dir, "kms.json")],
      { encoding: "utf8" },
    );
    expect(summary.stdout).toMatch(/kms\.json \([^)]*; test\/kms, test\/findings only\)/);
  });

  it.each([
    [[], "mutate:keep: a NAME for the run is needed"],
    [["Bad Name"], 'mutate:keep: "Bad Name": a NAME is lower-case letters, digits and -'],
    [["x", "/nonexistent/m.json"], "mutate:keep: /nonexistent/m.json: cannot be read"],
    [["x", "a.json", "b.json"], "mutate:keep: one report at a time (also given: b.json)"],
    [["--bogus"], "mutate:keep: Unknown option '--bogus'"],
    [["--tests", ",", "x"], "mutate:keep: --tests needs at least one test folder"],
  ])("answers %j with one line and status 2", (args, line) => {
    const result = run("--dir", dir, ...args);
    expect(result.status).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(line);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("refuses a JSON file that is not a report, and a report without sources", () => {
    const other = path.join(dir, "other.json");
    fs.writeFileSync(other, "[1]");
    expect(run("--dir", dir, "x", other).stderr.split("\n")[0]).toBe(
      `mutate:keep: ${other}: not a Stryker JSON report (no "files")`,
    );
    fs.writeFileSync(other, JSON.stringify({ files: { "lib/a.ts": { mutants: [] } } }));
    expect(run("--dir", dir, "x", other).stderr.split("\n")[0]).toBe(
      `mutate:keep: ${other}: lib/a.ts: the report holds no source for it`,
    );
  });
});
