/** RELIABILITY.md from a fuzz report, and the few lines the command prints at the end. */
import { median } from "../bench/stats";
import type { FuzzReport } from "./fuzz";
import { requiredCounts } from "./options";
import { verdictLimitMs } from "./sections/patterns";
import { inputCases } from "./sections/input-cases";

const count = (n: number): string => n.toLocaleString("en-US");
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const duration = (ms: number): string =>
  ms >= 120_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`;
const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

interface Row {
  readonly figure: string;
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean;
}

/**
 * How much the pack's memory still grows once warm: the median RSS of the second half of the samples over the median
 * of the first half. V8 grows its heap in steps for a while after start-up, so the start-to-end ratio alone over-
 * states a leak; and RSS swings with each collection (by half again, from one sample to the next, in the concurrent
 * phase), so a comparison of peaks turns one late swing into "growth". Steady growth moves the median; a swing does
 * not.
 */
export function lateGrowth(samples: readonly number[]): number {
  if (samples.length < 2) return 1;
  const half = Math.floor(samples.length / 2);
  return median(samples.slice(half)) / Math.max(1, median(samples.slice(0, half)));
}

/**
 * The late growth of each phase of the load (back to back, then concurrent), the larger of the two. The phases are
 * compared with themselves, not with each other: fifty calls in flight hold fifty requests and their converted
 * resources at once, so the concurrent phase sits higher than the back-to-back one without anything leaking.
 */
export function phaseGrowth(samples: readonly number[], phases = 2): number {
  const size = Math.floor(samples.length / phases);
  if (size < 2) return lateGrowth(samples);
  let worst = 0;
  for (let phase = 0; phase < phases; phase++) {
    worst = Math.max(worst, lateGrowth(samples.slice(phase * size, (phase + 1) * size)));
  }
  return worst;
}

function summaryRows(report: FuzzReport): Row[] {
  const rows: Row[] = [];
  const zero = (figure: string, n: number): void =>
    void rows.push({ figure, target: "0", measured: count(n), pass: n === 0 });
  const atLeast = (figure: string, n: number, required: number): void =>
    void rows.push({ figure, target: `≥ ${count(required)}`, measured: count(n), pass: n >= required });
  const { patterns, stacks, inputs, load } = report;
  if (patterns !== undefined) {
    atLeast("Filter patterns generated and mutated", patterns.patterns, requiredCounts.patterns);
    zero("Exceptions (parse, print, evaluate, coverage)", patterns.throws);
    zero("Round-trip mismatches (parse → print → parse, trees equal ignoring spans)", patterns.roundTripMismatches);
    zero("Evaluation differences between a pattern and its printed form", patterns.evaluationMismatches);
    zero("Parse errors without a plain message at a column in the text", patterns.parseErrorProblems);
    rows.push({
      figure: `Coverage verdicts over ${verdictLimitMs} ms of CPU (best of four timings)`,
      target: "0",
      measured: `${count(patterns.verdictsOverLimit)} (slowest ${patterns.slowest.ms.toFixed(1)} ms)`,
      pass: patterns.verdictsOverLimit === 0,
    });
    zero("Different verdicts for a pattern and its printed form", patterns.verdictMismatches);
  }
  if (stacks !== undefined) {
    atLeast("Random stacks sent over gRPC", stacks.stacks, requiredCounts.stacks);
    zero("\"can't run policy\" diagnostics (the SDK's downgrade on reading an unknown)", stacks.cantRun);
    zero('Internal errors ("Internal error in policy")', stacks.internalErrors);
    zero("Crashes (gRPC errors, the pack process dying)", stacks.crashes);
    zero("Secrets printed (a secret-only marker in a message)", stacks.secretsPrinted);
    const names = {
      order: "Order: shuffled resources, same answer",
      unrelated: "Unrelated resources added, same answer",
      rewrite: "A pattern and its printed form, same answer",
      unknown: "Known → unknown never removes every mandatory violation",
    } as const;
    for (const [key, label] of Object.entries(names) as [keyof typeof names, string][]) {
      const { checked, held } = stacks.invariants[key];
      rows.push({
        figure: label,
        target: "all",
        measured: `${count(held)} of ${count(checked)}`,
        pass: held === checked,
      });
    }
  }
  if (inputs !== undefined) {
    rows.push({
      figure: "Bad inputs: clear message, non-zero exit, no stack trace, nothing left running",
      target: "all",
      measured: `${inputs.passed} of ${inputs.cases}`,
      pass: inputs.passed === inputs.cases,
    });
    zero("Stack traces printed", inputs.stackTraces);
    zero("Processes left running", inputs.leftovers);
  }
  if (load !== undefined) {
    const failed = load.sequential.failures + load.concurrent.failures;
    rows.push({
      figure: `AnalyzeStack calls of a ${count(load.resources)}-resource stack, back to back + concurrent`,
      target: `${count(requiredCounts.loadCalls)} + ${count(requiredCounts.loadCalls)}`,
      measured: `${count(load.sequential.calls)} + ${count(load.concurrent.calls)}`,
      pass: load.sequential.calls >= requiredCounts.loadCalls && load.concurrent.calls >= requiredCounts.loadCalls,
    });
    zero("Failed calls", failed);
    zero("Answers different from the first", load.differentAnswers);
    const ratio = load.rss.end / Math.max(1, load.rss.afterFirstCall);
    rows.push({
      figure: "Pack RSS at start (after the first call) and end",
      target: "reported",
      measured: `${mib(load.rss.afterFirstCall)} → ${mib(load.rss.end)} (${ratio.toFixed(2)}×)`,
      pass: true,
    });
    const live = load.heapSamples.length > 0;
    const growth = phaseGrowth(live ? load.heapSamples : load.rssSamples);
    rows.push({
      figure: live
        ? "Pack heap in use after a full collection, within each phase: second half of its calls / first half (medians; the larger)"
        : "Pack RSS within each phase, second half of its calls / first half (medians; the larger; the heap probe did not answer)",
      target: "flat (≤ 1.10×)",
      measured: `${growth.toFixed(2)}×`,
      pass: growth <= 1.1,
    });
  }
  return rows;
}

function patternSection(report: FuzzReport): string[] {
  const p = report.patterns;
  if (p === undefined) return [];
  const perSecond = p.patterns / (p.elapsedMs / 1000);
  const verdictMs = p.coverageMs / Math.max(1, p.coverageVerdicts);
  const verdicts = Object.entries(p.verdicts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k} ${count(v)}`)
    .join(", ");
  return [
    "## 1. Filter patterns",
    "",
    `${count(p.patterns)} patterns${p.stoppedByBudget ? " (stopped by the time budget)" : ""}: ${count(p.generated)} generated from the grammar (terms, \`%regex%\`, JSON with every selector step and operator, space-delimited, match-all) or taken verbatim from the ${count(p.seeds)} seeds, ${count(p.mutated)} mutated (truncation, duplication, Unicode, deep nesting, lengths at and just over 1,024 characters, regexes at and over AWS's two per pattern, near-miss spellings, CDK style) from the seeds: every prescribed text of the fifteen controls (lib/controls), their CDK forms, the example programs' patterns and the README's broader forms. ${count(p.valid)} parse, ${count(p.invalid)} are rejected with a message at a column.`,
    "",
    `Each accepted pattern is printed and parsed again, evaluated against ${count(p.evaluations)} realistic messages in all (CloudTrail records of every caller, outcome, event version and region, negative controls, other log formats), its printed form too, and judged for the CloudTrail-changes control (\`judgeCoverage\`), its printed form too: ${count(p.coverageVerdicts)} verdicts (${verdicts}).`,
    "",
    "| throughput | figure |",
    "|---|---|",
    `| patterns per second (everything) | ${perSecond.toFixed(0)} |`,
    `| coverage verdicts per second of CPU | ${(1000 / verdictMs).toFixed(0)} |`,
    `| mean coverage verdict | ${verdictMs.toFixed(2)} ms of CPU, ${(p.coverageWallMs / Math.max(1, p.coverageVerdicts)).toFixed(2)} ms wall |`,
    `| verdicts whose first timing was over ${verdictLimitMs} ms of CPU (then re-timed a batch apart) | ${count(p.firstTimingsOverLimit)} |`,
    `| section time | ${duration(p.elapsedMs)} |`,
    "",
    "Verdicts are timed by the process's CPU time (user and system), which other work on a shared machine does not inflate the way it inflates wall time; the wall time is shown beside it. That CPU time counts V8's collector threads too: a verdict whose first timing is over the limit is timed three more times, at the ends of the three batches of a thousand patterns that follow (about a second apart), so that one collection of the fuzzer's own heap, running meanwhile on the other core, is not charged to all four timings (the verdict's own garbage still is); the best of the four counts.",
    "",
    `Slowest verdict, best of four timings: ${p.slowest.ms.toFixed(1)} ms of CPU (${p.slowest.wallMs.toFixed(1)} ms wall), for`,
    "",
    "```",
    p.slowest.pattern,
    "```",
    "",
  ];
}

function stackSection(report: FuzzReport): string[] {
  const s = report.stacks;
  if (s === undefined) return [];
  const list = (record: Readonly<Record<string, number>>): string =>
    Object.entries(record)
      .map(([k, v]) => `${k} ${count(v)}`)
      .join(", ");
  return [
    "## 2. Stacks over gRPC",
    "",
    `${count(s.stacks)} random stacks${s.stoppedByBudget ? " (stopped by the time budget)" : ""}, ${count(s.resources)} resources, ${count(s.calls)} AnalyzeStack calls to one compiled pack process (\`tools/engine\` \`startPack\`), ${count(Math.round(s.callMs / Math.max(1, s.calls)))} ms per call (up to four in flight).`,
    "",
    `- Phase: ${list(s.byPhase)}.`,
    `- Providers: @pulumi/aws only ${count(s.providers.aws)}, @pulumi/aws-native only ${count(s.providers.native)}, both ${count(s.providers.both)}; chains of all fifteen controls, KMS keys, aliases and key policies, mute rules, composite alarms, unrelated resources.`,
    `- Config: ${list(s.byConfig)}.`,
    `- Sent: ${count(s.unknownsSent)} unknown sentinels (leaves and containers) and ${count(s.secretsSent)} secrets (at any depth, or every property), plus duplicated resources, mistyped and missing properties, generated and mutated patterns.`,
    "- Each stack is also sent shuffled (resources and property order), with unrelated resources added, with every plain pattern in its printed form (not under the security-hub profile, which compares the text), and with one known value made unknown.",
    "",
  ];
}

function inputSection(report: FuzzReport): string[] {
  const i = report.inputs;
  if (i === undefined) return [];
  const byEntry = Object.entries(i.byEntryPoint)
    .map(([k, v]) => `\`${k}\` ${v}`)
    .join(", ");
  return [
    "## 3. Bad inputs",
    "",
    `${i.cases} of the ${inputCases.length} cases of fuzz/sections/input-cases.ts (${byEntry}), each run as a user runs it (\`node bin/...\`) in its own process group: programs that throw, reject, don't compile, recurse forever, hang (with and without ignoring SIGTERM, with a child process), exit or kill themselves, print on stdout, are ES modules; malformed Pulumi.yaml and Pulumi.<stack>.yaml; malformed stack exports and policy-pack config files; bad options of \`npm start\`, \`test-metric-filter\`, \`bench\` and \`fuzz\`. ${i.passed} behaved: the expected exit, one clear line with the position where there is one, no stack trace, nothing of their process group alive two seconds after. Section time ${duration(i.elapsedMs)}.`,
    "",
  ];
}

function loadSection(report: FuzzReport): string[] {
  const l = report.load;
  if (l === undefined) return [];
  return [
    "## 4. Load",
    "",
    `One ${count(l.resources)}-resource first-preview stack (bench/synthetic-stack.ts; ${mib(l.requestBytes)} encoded once) sent to one pack process with the default config.`,
    "",
    "| | calls | in flight | time | per call | failures |",
    "|---|---|---|---|---|---|",
    `| back to back | ${count(l.sequential.calls)} | 1 | ${duration(l.sequential.ms)} | ${(l.sequential.ms / Math.max(1, l.sequential.calls)).toFixed(0)} ms | ${l.sequential.failures} |`,
    `| concurrent | ${count(l.concurrent.calls)} | ${l.concurrent.inFlight} | ${duration(l.concurrent.ms)} | ${(l.concurrent.ms / Math.max(1, l.concurrent.calls)).toFixed(0)} ms | ${l.concurrent.failures} |`,
    "",
    `Pack RSS: ${mib(l.rss.beforeFirstCall)} before the first call, ${mib(l.rss.afterFirstCall)} after it, ${mib(l.rss.afterSequential)} after the back-to-back calls, ${mib(l.rss.end)} at the end (end / after the first call: ${(l.rss.end / Math.max(1, l.rss.afterFirstCall)).toFixed(2)}×). Answers different from the first: ${l.differentAnswers}.`,
    "",
    `RSS after each fiftieth of the calls (back to back, then concurrent), MiB: ${l.rssSamples.map((b) => (b / 1024 / 1024).toFixed(0)).join(", ")}.`,
    "",
    l.heapSamples.length > 0
      ? `Heap in use after a full collection at the same points (fuzz/memory-probe.ts in the pack's process), MiB: ${l.heapSamples.map((b) => (b / 1024 / 1024).toFixed(0)).join(", ")}.`
      : "The heap probe did not answer: the memory figure is on RSS.",
    "",
  ];
}

export function renderReliabilityMarkdown(report: FuzzReport): string {
  const m = report.machine;
  const rows = summaryRows(report);
  const passing = rows.filter((r) => r.pass).length;
  return [
    "# Reliability",
    "",
    `Generated by \`npm run fuzz -- --seed ${report.options.seed}\` on ${m.date}. Do not edit by hand; rerun the fuzzer.`,
    "",
    "The pack must never be the reason a preview breaks, never print a secret, and never pass in silence. These are the figures of one run of the fuzzer (fuzz/) at the counts below; the same seed generates the same inputs.",
    "",
    "## Machine",
    "",
    "| Node | npm | cores | CPU | memory | platform | load average (start → end) | wall time |",
    "|---|---|---|---|---|---|---|---|",
    `| ${m.node} | ${m.npm} | ${m.cores} | ${m.cpu} | ${(m.memoryBytes / 1024 ** 3).toFixed(1)} GiB | ${m.platform} | ${m.loadAverage.start.toFixed(2)} → ${m.loadAverage.end.toFixed(2)} | ${duration(report.wallMs)} |`,
    "",
    "## Figures",
    "",
    `${passing} of ${rows.length} figures meet their target.`,
    "",
    "| figure | target | measured | result |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${cell(r.figure)} | ${r.target} | ${cell(r.measured)} | ${r.pass ? "PASS" : "FAIL"} |`),
    "",
    ...patternSection(report),
    ...stackSection(report),
    ...inputSection(report),
    ...loadSection(report),
    "## Failures",
    "",
    ...(report.failureCount === 0
      ? ["None in this run.", ""]
      : [
          `${count(report.failureCount)} in all; the first of each kind:`,
          "",
          "| section | kind | detail | reproducer |",
          "|---|---|---|---|",
          ...report.failures.map(
            (f) =>
              `| ${f.section} | ${f.kind} | ${cell(f.detail.slice(0, 400))} | ${cell(f.reproducer.slice(0, 300))} |`,
          ),
          "",
        ]),
    "## Reproducing",
    "",
    "```sh",
    `npm run fuzz -- --seed ${report.options.seed}                  # every section at the counts above (writes RELIABILITY.md)`,
    `npm run fuzz -- --seed ${report.options.seed} --sections stacks --stacks 200 --out /tmp/r.md   # one section, fewer inputs`,
    "npm run fuzz -- --smoke                   # seconds; what npm test runs",
    "```",
    "",
    "A stack failure names its batch and case (`--seed N stacks batch B case C`): `stackBatch(seed, B, 20)[C]` in fuzz/sections/stacks.ts regenerates it, and the failing resources are written to `.fuzz-failures/`.",
    "",
  ].join("\n");
}

/** The lines printed at the end of a run. */
export function renderConsoleSummary(report: FuzzReport): string {
  const rows = summaryRows(report);
  const lines = rows.map((r) => `${r.pass ? "PASS" : "FAIL"}  ${r.figure}: ${r.measured}`);
  const failures = report.failures.map(
    (f) => `  ${f.section}/${f.kind}: ${f.detail.slice(0, 300)} [${f.reproducer.slice(0, 200)}]`,
  );
  return [...lines, `failures: ${report.failureCount}`, ...failures, `wall time ${duration(report.wallMs)}`].join("\n");
}
