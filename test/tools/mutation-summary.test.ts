/**
 * The mutation-testing summary (tools/mutation/): Stryker's figures by folder, the survivors judged equivalent, and
 * the section of RELIABILITY.md. The score is Stryker's (mutation-testing-metrics, "mutationScore": detected /
 * valid, detected = Killed + Timeout, valid = detected + Survived + NoCoverage; Ignored and errors left out); the
 * expected values below are computed by hand from that definition.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  folderOfDocument,
  placesOf,
  readEquivalents,
  type Equivalent,
  type Place,
} from "../../tools/mutation/equivalents";
import {
  folderOf,
  measuredFiles,
  mutationFigures,
  killedScore,
  mutationScore,
  type MutationReport,
} from "../../tools/mutation/figures";
import { CHUNKS } from "../../tools/mutation/chunks";
import {
  judgeSurvivors,
  mutationBlockOf,
  renderMutationSection,
  withMutationSection,
} from "../../tools/mutation/render";

const mutant = (status: string, line = 1, mutatorName = "ConditionalExpression") => ({
  mutatorName,
  replacement: "true",
  status,
  location: { start: { line, column: 1 } },
});

describe("mutationScore", () => {
  it("is detected over detected and undetected, leaving out ignored and invalid mutants", () => {
    // detected 8 + 1 = 9; undetected 2 + 1 = 3: 9 / 12.
    expect(mutationScore({ killed: 8, timeout: 1, survived: 2, noCoverage: 1, ignored: 50, invalid: 7 })).toBe(0.75);
  });

  it("is undefined when no mutant counts", () => {
    expect(
      mutationScore({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 3, invalid: 1 }),
    ).toBeUndefined();
  });
});

describe("killedScore", () => {
  it("counts timed-out mutants as undetected", () => {
    // killed 8 of 8 + 1 + 2 + 1 = 12 valid: 8 / 12.
    expect(killedScore({ killed: 8, timeout: 1, survived: 2, noCoverage: 1, ignored: 50, invalid: 7 })).toBe(8 / 12);
    expect(killedScore({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 3, invalid: 1 })).toBeUndefined();
  });
});

describe("folderOf", () => {
  it.each([
    ["lib/coverage/judge.ts", "lib/coverage"],
    ["lib/coverage/sub/x.ts", "lib/coverage"],
    ["policies/sns.ts", "policies"],
    ["index.ts", "."],
  ])("%s is in %s", (file, folder) => expect(folderOf(file)).toBe(folder));
});

describe("mutationFigures", () => {
  const first: MutationReport = {
    files: {
      "lib/a/x.ts": { mutants: [mutant("Killed"), mutant("Survived", 3), mutant("Pending")] },
      "policies/p.ts": { mutants: [mutant("NoCoverage", 7), mutant("Ignored"), mutant("CompileError")] },
    },
  };
  const rerun: MutationReport = { files: { "lib/a/x.ts": { mutants: [mutant("Killed"), mutant("Timeout")] } } };

  it("counts each status by folder and in all, and lists what was not detected", () => {
    const figures = mutationFigures([first]);
    expect(figures.folders).toEqual([
      { folder: "lib/a", counts: { killed: 1, timeout: 0, survived: 1, noCoverage: 0, ignored: 0, invalid: 0 } },
      { folder: "policies", counts: { killed: 0, timeout: 0, survived: 0, noCoverage: 1, ignored: 1, invalid: 1 } },
    ]);
    expect(figures.total).toEqual({ killed: 1, timeout: 0, survived: 1, noCoverage: 1, ignored: 1, invalid: 1 });
    expect(figures.undetected).toEqual([
      { file: "lib/a/x.ts", line: 3, mutator: "ConditionalExpression", replacement: "true", status: "Survived" },
      { file: "policies/p.ts", line: 7, mutator: "ConditionalExpression", replacement: "true", status: "NoCoverage" },
    ]);
  });

  it("takes a file from the later of two reports", () => {
    const figures = mutationFigures([first, rerun]);
    expect(figures.folders[0].counts).toEqual({
      killed: 1,
      timeout: 1,
      survived: 0,
      noCoverage: 0,
      ignored: 0,
      invalid: 0,
    });
  });
});

describe("measuredFiles", () => {
  const files = ["lib/a/index.ts", "lib/a/x.ts", "lib/a/sources.ts", "lib/b/y.ts", "policies/p.ts"];

  it("are the files a run's mutate globs match whole, less its exclusions, with or without mutants", () => {
    const report: MutationReport = {
      files: { "lib/a/x.ts": { mutants: [] } },
      config: { mutate: ["lib/a/**/*.ts", "!lib/a/sources.ts", "lib/b/y.ts:10-20"] },
    };
    expect([...measuredFiles([report], files)]).toEqual(["lib/a/index.ts", "lib/a/x.ts"]);
  });

  it("are the files a report lists when it has no configuration", () => {
    const report: MutationReport = { files: { "policies/p.ts": { mutants: [] } } };
    expect([...measuredFiles([report], files)]).toEqual(["policies/p.ts"]);
  });
});

describe("placesOf", () => {
  it("reads files with lines, ranges and notes", () => {
    expect(placesOf("evaluate.ts:54, 56 (`evaluate`), 155-156 (`countNodes`); explain.ts:46-47")).toEqual([
      { file: "evaluate.ts", line: 54 },
      { file: "evaluate.ts", line: 56 },
      { file: "evaluate.ts", line: 155 },
      { file: "evaluate.ts", line: 156 },
      { file: "explain.ts", line: 46 },
      { file: "explain.ts", line: 47 },
    ]);
    expect(placesOf("`lib/a/y.ts:10` (`sameKeys`)")).toEqual([{ file: "lib/a/y.ts", line: 10 }]);
  });
});

describe("readEquivalents", () => {
  const doc = [
    "# lib/a",
    "",
    "| file:line | mutator | mutant | why no input can tell |",
    "|---|---|---|---|",
    "| lib/a/x.ts:3 | ConditionalExpression | `true` | the cache is cleared either way \\| no input sees it |",
    "| x.ts:7, 9 (`f`) | EqualityOperator, ConditionalExpression | `a <= b` | a and b are never equal here |",
  ].join("\n");

  it("reads each row of a table headed by a reason of equivalence, a `\\|` staying in its cell", () => {
    expect(readEquivalents(doc, "docs/mutation/a.md")).toEqual({
      ok: true,
      equivalents: [
        {
          places: [{ file: "lib/a/x.ts", line: 3 }],
          mutators: ["ConditionalExpression"],
          mutant: "true",
          why: "the cache is cleared either way | no input sees it",
          source: "docs/mutation/a.md:5",
        },
        {
          places: [
            { file: "x.ts", line: 7 },
            { file: "x.ts", line: 9 },
          ],
          mutators: ["EqualityOperator", "ConditionalExpression"],
          mutant: "a <= b",
          why: "a and b are never equal here",
          source: "docs/mutation/a.md:6",
        },
      ],
    });
  });

  it("reads a bare file name as a file of the document's folder, a path as it is", () => {
    const read = readEquivalents(doc, "docs/mutation/a.md", folderOfDocument("docs/mutation/a.md"));
    expect(read.ok && read.equivalents.map((e) => e.places.map((p) => p.file))).toEqual([
      ["lib/a/x.ts"],
      ["lib/a/x.ts", "lib/a/x.ts"],
    ]);
  });

  it.each([
    ["docs/mutation/alarm-rule.md", "lib/alarm-rule"],
    ["docs/mutation/filter-pattern.md", "lib/filter-pattern"],
    ["policies.md", "policies"],
  ])("%s judges the survivors of %s", (document, folder) => {
    expect(folderOfDocument(document)).toBe(folder);
  });

  it("a bare name in one folder's document does not judge the same-named file of another folder", () => {
    // lib/alarm-rule and lib/filter-pattern both have a scanner.ts; the alarm rules' row must not judge the other.
    const text = [
      "| file:line | mutator | mutant | why no input can tell |",
      "|---|---|---|---|",
      '| scanner.ts:90 | StringLiteral | `""` | the parser never reads a token\'s kind |',
    ].join("\n");
    const read = readEquivalents(text, "docs/mutation/alarm-rule.md", "lib/alarm-rule");
    if (!read.ok) throw new Error(read.message);
    const figures = mutationFigures([
      {
        files: {
          "lib/alarm-rule/scanner.ts": { mutants: [mutant("Survived", 90, "StringLiteral")] },
          "lib/filter-pattern/scanner.ts": { mutants: [mutant("Survived", 90, "StringLiteral")] },
        },
      },
    ]);
    const judged = judgeSurvivors(figures.undetected, read.equivalents);
    expect(judged.judged).toBe(1);
    expect(judged.unjudged.map((m) => m.file)).toEqual(["lib/filter-pattern/scanner.ts"]);
  });

  it("refuses a row without its reason, at its line", () => {
    const text = [
      "| file:line | mutator | mutant | why no input can tell |",
      "|---|---|---|---|",
      "| lib/a/x.ts:3 | BlockStatement | `{}` | |",
    ].join("\n");
    expect(readEquivalents(text, "docs/mutation/a.md")).toEqual({
      ok: false,
      message: "docs/mutation/a.md:3: a row needs | file.ts:line | Mutator | mutant | why |, with the why",
    });
  });

  it("reads only the tables headed by a reason of equivalence", () => {
    const text = [
      "| file:line | mutant | what a killing test needs |",
      "| --- | --- | --- |",
      "| describe.ts:148 | no test reaches it | a miss whose clause has no words |",
      "",
      "| file:line | mutator | mutant | why no input can tell |",
      "| --- | --- | --- | --- |",
      "| describe.ts:150 | BlockStatement | `{}` | the result is the same |",
    ].join("\n");
    const read = readEquivalents(text, "d.md");
    expect(read.ok && read.equivalents.map((e) => e.places)).toEqual([[{ file: "describe.ts", line: 150 }]]);
  });
});

describe("judgeSurvivors", () => {
  const row = (places: Place[], mutators: string[]): Equivalent => ({
    places,
    mutators,
    mutant: "m",
    why: "why",
    source: "d.md:1",
  });

  it("judges every mutant of a row's mutators at its places, files named from the root or their folder", () => {
    const figures = mutationFigures([
      {
        files: {
          "lib/a/x.ts": {
            mutants: [
              mutant("Survived", 3),
              mutant("Survived", 3),
              mutant("Survived", 3, "StringLiteral"),
              mutant("NoCoverage", 5),
            ],
          },
          "lib/b/x.ts": { mutants: [mutant("Survived", 3)] },
        },
      },
    ]);
    const listed = row(
      [
        { file: "a/x.ts", line: 3 },
        { file: "lib/a/x.ts", line: 5 },
      ],
      ["ConditionalExpression"],
    );
    const judged = judgeSurvivors(figures.undetected, [listed]);
    expect(judged.equivalent).toEqual([{ row: listed, mutants: 3 }]);
    expect(judged.judged).toBe(3);
    expect(judged.unjudged.map((m) => [m.file, m.line, m.mutator])).toEqual([
      ["lib/a/x.ts", 3, "StringLiteral"],
      ["lib/b/x.ts", 3, "ConditionalExpression"],
    ]);
  });
});

describe("renderMutationSection", () => {
  const figures = mutationFigures([
    {
      files: {
        "lib/a/x.ts": {
          mutants: [...Array.from({ length: 9 }, () => mutant("Killed")), mutant("Survived", 3)],
        },
      },
    },
  ]);
  const base = {
    figures,
    measuredFiles: new Set(["lib/a/x.ts"]),
    equivalents: [],
    reports: [{ path: "r.json", written: "2026-12-02 02:00 UTC" }],
    target: 0.9,
  };

  it("says the target is met over the whole pack only when every file a run mutates has figures", () => {
    const whole = renderMutationSection({ ...base, expectedFiles: ["lib/a/x.ts"] });
    expect(whole).toContain("90.0% of the measured mutants detected (target 90.0%: met) over every file of policies/");
    expect(whole).toContain("| lib/a | 9 | 0 | 1 | 0 | 0 | 0 | 90.0% | 90.0% |");
    const part = renderMutationSection({ ...base, expectedFiles: ["lib/a/x.ts", "lib/a/z.ts", "lib/b/y.ts"] });
    expect(part).toContain(
      "(target 90.0%: met); 1 folder measured in part and 1 folder not measured (lib/b), so this is not yet the figure of the whole pack.",
    );
    expect(part).toContain("| lib/a (1 of 2 files) | 9 | 0 | 1 |");
  });

  it("gives the score with timed-out mutants counted as undetected beside Stryker's", () => {
    // 6 killed, 3 timed out, 1 survived: Stryker's score 9 / 10 = 90.0%; timeouts undetected, 6 / 10 = 60.0%.
    const timeouts = mutationFigures([
      {
        files: {
          "lib/a/x.ts": {
            mutants: [
              ...Array.from({ length: 6 }, () => mutant("Killed")),
              ...Array.from({ length: 3 }, () => mutant("Timeout")),
              mutant("Survived", 3),
            ],
          },
        },
      },
    ]);
    const text = renderMutationSection({ ...base, figures: timeouts, expectedFiles: ["lib/a/x.ts"] });
    expect(text).toContain(
      "over every file of policies/ and lib/ that a run mutates. Counting timed-out mutants as undetected: 60.0%.",
    );
    expect(text).toContain("| lib/a | 6 | 3 | 1 | 0 | 0 | 0 | 90.0% | 60.0% |");
  });

  it("rounds a score down, so that one below the target never reads as the target", () => {
    // 977 killed, 109 survived: 977 / 1,086 = 0.89963..., 89.96%: shown as 89.9% and "not met", not 90.0%.
    const below = mutationFigures([
      {
        files: {
          "lib/a/x.ts": {
            mutants: [
              ...Array.from({ length: 977 }, () => mutant("Killed")),
              ...Array.from({ length: 109 }, () => mutant("Survived", 3)),
            ],
          },
        },
      },
    ]);
    const text = renderMutationSection({ ...base, figures: below, expectedFiles: ["lib/a/x.ts"] });
    expect(text).toContain("89.9% of the measured mutants detected (target 90.0%: not met)");
    expect(text).toContain("| lib/a | 977 | 0 | 109 | 0 | 0 | 0 | 89.9% | 89.9% |");
  });

  it("lists the survivors judged equivalent and counts the rest", () => {
    const equivalent: Equivalent = {
      places: [{ file: "x.ts", line: 3 }],
      mutators: ["ConditionalExpression"],
      mutant: "a | b",
      why: "why",
      source: "d.md:1",
    };
    const text = renderMutationSection({ ...base, expectedFiles: ["lib/a/x.ts"], equivalents: [equivalent] });
    expect(text).toContain("1 of the 1 undetected mutants (survived or reached by no test) are judged equivalent");
    expect(text).toContain("| x.ts:3 | ConditionalExpression | `a \\| b` | why | 1 |");
    expect(text).toContain("Not judged: 0 survivors and 0 mutants no in-process test reaches.\n");
  });

  it("lists each mutant no row judges, with its place, mutator and replacement", () => {
    const text = renderMutationSection({ ...base, expectedFiles: ["lib/a/x.ts"] });
    expect(text).toContain(
      "Not judged: 1 survivors and 0 mutants no in-process test reaches:\n\n- lib/a/x.ts:3 ConditionalExpression `true`\n",
    );
  });

  it("names the chunks not yet measured in whole, and none when every chunk is", () => {
    const text = renderMutationSection({
      ...base,
      expectedFiles: ["lib/a/x.ts"],
      unmeasuredChunks: ["ct-family", "stack-8"],
    });
    expect(text).toContain(
      "Not measured yet, in whole or in part: 2 chunks (`npm run mutate:chunks -- --stale-only` runs them): ct-family, stack-8.\n",
    );
    expect(renderMutationSection({ ...base, expectedFiles: ["lib/a/x.ts"], unmeasuredChunks: [] })).not.toContain(
      "Not measured yet",
    );
  });

  it("marks a run tried against some test folders only, and says its figures are a lower bound", () => {
    const text = renderMutationSection({
      ...base,
      expectedFiles: ["lib/a/x.ts"],
      reports: [...base.reports, { path: "fp.json", written: "2026-12-03 15:00 UTC", tests: ["test/a", "test/b"] }],
    });
    expect(text).toContain(
      "Reports: r.json (2026-12-02 02:00 UTC), fp.json (2026-12-03 15:00 UTC; test/a, test/b only).\n\nA run marked with test folders",
    );
    expect(text).toContain("its figures are a lower bound");
    expect(renderMutationSection({ ...base, expectedFiles: ["lib/a/x.ts"] })).not.toContain("lower bound");
  });

  it("prints a note on how the reports were made under their list", () => {
    const text = renderMutationSection({ ...base, expectedFiles: ["lib/a/x.ts"], note: "Lower bounds." });
    expect(text).toContain("Reports: r.json (2026-12-02 02:00 UTC).\n\nLower bounds.\n");
  });
});

describe("the mutation-testing block of RELIABILITY.md", () => {
  it("is appended when absent, replaced when present, and read back", () => {
    const once = withMutationSection("# Reliability\n\ntext\n", "## Mutation testing\n\nold\n");
    expect(once).toBe(
      "# Reliability\n\ntext\n\n<!-- mutation-testing:start -->\n## Mutation testing\n\nold\n<!-- mutation-testing:end -->\n",
    );
    const twice = withMutationSection(once, "## Mutation testing\n\nnew\n");
    expect(twice).toBe(once.replace("old", "new"));
    expect(mutationBlockOf(twice)).toBe(
      "<!-- mutation-testing:start -->\n## Mutation testing\n\nnew\n<!-- mutation-testing:end -->\n",
    );
    expect(mutationBlockOf("# Reliability\n")).toBe("");
  });
});

describe("npm run mutate:summary", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(__dirname, "../../bin/tools/mutation-summary.js"), ...args], {
      encoding: "utf8",
    });

  it("prints the section of the reports given", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mutation-summary-"));
    const report = path.join(dir, "mutation.json");
    fs.writeFileSync(report, JSON.stringify({ files: { "lib/kms/index.ts": { mutants: [mutant("Killed")] } } }));
    const result = run(report);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\| lib\/kms \(1 of \d+ files\) \| 1 \| 0 \|/);
    fs.rmSync(dir, { recursive: true });
  });

  it("names every chunk with a file no report measured (tools/mutation/chunks.ts)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mutation-summary-"));
    const report = path.join(dir, "mutation.json");
    // One file of findings-kms measured: the chunk is measured in part only; every other chunk not at all.
    fs.writeFileSync(report, JSON.stringify({ files: { "lib/kms/index.ts": { mutants: [mutant("Killed")] } } }));
    const result = run(report);
    fs.rmSync(dir, { recursive: true });
    const line = result.stdout.split("\n").find((text) => text.startsWith("Not measured yet"));
    expect(line).toBe(
      `Not measured yet, in whole or in part: ${CHUNKS.length} chunks (\`npm run mutate:chunks -- --stale-only\` runs them): ${CHUNKS.map((chunk) => chunk.name).join(", ")}.`,
    );
  });

  it.each([
    [["/nonexistent/mutation.json"], "mutate:summary: /nonexistent/mutation.json: cannot be read"],
    [["--bogus"], "mutate:summary: Unknown option '--bogus'"],
  ])("answers %j with one line and status 2", (args, line) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(line);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
