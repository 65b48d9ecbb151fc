/** Renders a benchmark run as BENCHMARKS.md and as a short console summary. */
import type { AnalyzeSizeResult } from "./analyze-stack";
import type { BenchReport } from "./results";
import { formatGiB, formatMiB, formatMs, formatPercent, formatRatio, median, ratio, relativeSpread } from "./stats";
import { targetLimits } from "./targets";

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

function samplesText(samples: readonly number[]): string {
  return samples.map((s) => s.toFixed(0)).join(", ");
}

function machineSection(r: BenchReport): string[] {
  const m = r.machine;
  return [
    "## Machine",
    "",
    ...table(
      ["CPU", "cores", "memory", "Node", "platform", "load average (start → end)"],
      [
        [
          m.cpuModel,
          String(m.cores),
          formatGiB(m.memoryBytes),
          m.node,
          m.platform,
          `${m.loadAverageStart.toFixed(2)} → ${m.loadAverageEnd.toFixed(2)}`,
        ],
      ],
    ),
  ];
}

function targetsSection(r: BenchReport): string[] {
  if (r.targets.length === 0) return ["## Targets", "", "No target applies to the sizes this run measured."];
  const failed = r.targets.filter((t) => !t.pass).length;
  return [
    "## Targets",
    "",
    failed === 0 ? `All ${r.targets.length} targets pass.` : `${failed} of ${r.targets.length} targets FAIL.`,
    "",
    ...table(
      ["target", "limit", "measured", "result"],
      r.targets.map((t) => [t.name, t.target, t.measured, t.pass ? "PASS" : "**FAIL**"]),
    ),
  ];
}

function startupSection(r: BenchReport): string[] {
  const s = r.startup;
  if (!s) return [];
  const row = (label: string, samples: number[], m: number): string[] => [
    label,
    formatMs(m),
    formatMs(Math.min(...samples)),
    formatMs(Math.max(...samples)),
    formatPercent(relativeSpread(samples)),
    samplesText(samples),
  ];
  return [
    "## 1. Start-up: spawn to port line",
    "",
    `\`node <@pulumi/pulumi/cmd/run-policy-pack> <engine address> .\` with cwd = the pack directory, as the engine starts a pack, timed until the first stdout line (the port). ${s.packSamplesMs.length} runs each${r.smoke ? "" : " after one untimed warm-up each"}, alternating which pack starts first.`,
    "",
    ...table(
      ["pack", "median", "min", "max", "spread", "samples (ms)"],
      [row(s.packLabel, s.packSamplesMs, s.packMedianMs), row(s.emptyLabel, s.emptySamplesMs, s.emptyMedianMs)],
    ),
    "",
    `Ratio (median / median): **${formatRatio(ratio(s.packMedianMs, s.emptyMedianMs))}**; the difference is ${formatMs(s.packMedianMs - s.emptyMedianMs)}.`,
  ];
}

function diagnosticsText(a: AnalyzeSizeResult): string {
  const parts = Object.entries(a.pack.diagnosticsByPolicy)
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([name, n]) => `${name} ${n}`);
  return `${a.pack.diagnostics}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}`;
}

/**
 * How time grows from each size to the next, for this pack and for the no-op floor: the floor's own growth
 * (the SDK's deserialization, GC pressure) is what this pack's should be compared with.
 */
function scalingLines(sizes: readonly AnalyzeSizeResult[]): string[] {
  const lines: string[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [sizes[i - 1], sizes[i]];
    lines.push(
      `- ${count(b.size)} / ${count(a.size)} resources (${(b.size / a.size).toFixed(1)}× the work): this pack's time ${formatRatio(ratio(b.pack.medianMs, a.pack.medianMs))}, the no-op's ${formatRatio(ratio(b.noop.medianMs, a.noop.medianMs))}; CPU ${formatRatio(ratio(b.pack.cpuMedianMs, a.pack.cpuMedianMs))} and ${formatRatio(ratio(b.noop.cpuMedianMs, a.noop.cpuMedianMs))}.`,
    );
  }
  return lines.length === 0 ? [] : ["Growth with stack size:", "", ...lines, ""];
}

/** The tables of one AnalyzeStack run: medians and ratios, growth, samples, calibration, and what the packs answered. */
function analyzeTables(sizes: readonly AnalyzeSizeResult[], calibrationSizes: readonly AnalyzeSizeResult[]): string[] {
  const rows = sizes.map((a) => [
    count(a.size),
    String(a.chains),
    formatMiB(a.requestBytes),
    formatMs(a.clientEncodeMs),
    formatMs(a.pack.medianMs),
    formatMs(a.noop.medianMs),
    `**${formatRatio(ratio(a.pack.medianMs, a.noop.medianMs))}**`,
    `${formatMs(a.pack.cpuMedianMs)} / ${formatMs(a.noop.cpuMedianMs)} = ${formatRatio(ratio(a.pack.cpuMedianMs, a.noop.cpuMedianMs))}`,
    `${formatMs(a.pack.firstCallMs)} / ${formatMs(a.noop.firstCallMs)}`,
    formatMiB(a.pack.peakRssBytes),
    formatMiB(a.noop.peakRssBytes),
    `**${formatRatio(ratio(a.pack.peakRssBytes, a.noop.peakRssBytes))}**`,
  ]);
  const samples = sizes.map((a) => [
    count(a.size),
    samplesText(a.pack.samplesMs),
    formatPercent(relativeSpread(a.pack.samplesMs)),
    samplesText(a.noop.samplesMs),
    formatPercent(relativeSpread(a.noop.samplesMs)),
  ]);
  const scaling = scalingLines(sizes);
  const calibration = calibrationSizes.map((a) => [
    count(a.size),
    `${formatMs(a.pack.medianMs)} / ${formatMs(a.noop.medianMs)}`,
    formatRatio(ratio(a.pack.medianMs, a.noop.medianMs)),
    formatRatio(ratio(a.pack.cpuMedianMs, a.noop.cpuMedianMs)),
    formatRatio(ratio(a.pack.peakRssBytes, a.noop.peakRssBytes)),
  ]);
  const answers = sizes.map((a) => [
    count(a.size),
    diagnosticsText(a),
    String(a.pack.previewErrors),
    String(a.pack.notApplicable),
    String(a.noop.diagnostics),
  ]);
  return [
    ...table(
      [
        "resources",
        "chains",
        "request",
        "client encode",
        "this pack (median)",
        "no-op (median)",
        "time ratio",
        "pack CPU (median, pack / no-op)",
        "first call (pack / no-op)",
        "peak RSS pack",
        "peak RSS no-op",
        "memory ratio",
      ],
      rows,
    ),
    "",
    ...scaling,
    "Samples (ms):",
    "",
    ...table(["resources", "this pack", "spread", "no-op", "spread"], samples),
    "",
    ...(calibration.length === 0
      ? []
      : [
          "Calibration (A/A): the no-op pack against a second copy of itself, measured the same way. Identical packs should give 1.00×; the distance from 1.00× is the noise this machine adds to every ratio above.",
          "",
          ...table(["resources", "copy / no-op (median)", "time ratio", "CPU ratio", "memory ratio"], calibration),
          "",
        ]),
    "What the packs answered (last call):",
    "",
    ...table(
      ["resources", "this pack's diagnostics", '"can\'t run during preview"', "not applicable", "no-op diagnostics"],
      answers,
    ),
  ];
}

function analyzeSection(r: BenchReport): string[] {
  if (r.analyze.length === 0) return [];
  return [
    "## 2. AnalyzeStack round trip over gRPC",
    "",
    `One AnalyzeStack request per call, built from a synthetic preview stack (bench/synthetic-stack.ts: S3 buckets, IAM roles, EC2 instances and Lambda functions with nested properties, tags, JSON policy documents and secrets; two AWS providers; one CloudTrail monitoring chain per 500 resources, its SNS topic encrypted with a customer managed KMS key of the chain, at first-preview unknowns, one in six with known values, four in six broken). This pack runs in its default configuration: ${r.stackPolicyCount} of its ${r.stackPolicyTotal} stack policies are enabled (the others are disabled by default). The floor is a no-op pack with ${r.stackPolicyCount} stack policies, each \`validateStack: () => {}\`: the SDK deserializes every resource once per enabled stack policy whatever the policy does, and skips disabled ones. Each size starts both packs afresh; one untimed first call each, then the timed calls listed under Samples, alternating which pack goes first. The request is encoded once per size and the same bytes are sent on every call, so a timing is the transport, the pack's decoding and analysis, and the response; the client's encoding (google-protobuf in JavaScript, shown for scale) is not in it.`,
    "",
    ...analyzeTables(r.analyze, r.calibration),
  ];
}

function cisSection(r: BenchReport): string[] {
  const cis = r.cisMonitoring;
  if (!cis || cis.sizes.length === 0) return [];
  return [
    `## 3. AnalyzeStack with ${cis.configFile ?? "the default configuration"}`,
    "",
    `The same round trip with this pack configured by \`${cis.configFile ?? "(none)"}\` (sent with \`Configure\`, as \`pulumi preview --policy-pack-config\` does), which enables ${cis.stackPolicyCount} stack policies: the four CloudTrail-changes policies and one \`<control>-monitored\` policy per other CIS monitoring control. The stacks are the same kind, but each chain monitors all fifteen controls: one trail and log group, one metric filter per control with the pattern security teams write (bench/cis-patterns.ts: CIS and Security Hub texts and common variants), one alarm per filter, all notifying one encrypted topic (bench/monitoring-chains.ts); the broken chains drop StopLogging from the CloudTrail-changes filter, raise one control's alarm threshold, or break the topic or the trail for every control. The floor is a no-op pack with ${cis.stackPolicyCount} stack policies, as many as this pack has enabled here.`,
    "",
    ...analyzeTables(cis.sizes, cis.calibration),
  ];
}

function filterSection(r: BenchReport): string[] {
  if (!r.filter) return [];
  const f = r.filter;
  const limit = targetLimits.filterWorstMs;
  const rows = f.cases.map((c) => [
    c.name,
    Object.entries(c.timingsMs)
      .map(([k, v]) => `${k} ${formatMs(v)}`)
      .join(", "),
    formatMs(c.worstMs),
    Object.entries(c.details)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(", "),
  ]);
  const perControl = f.controls.map((c) => [
    c.control,
    String(c.cases),
    `**${formatMs(c.worstMs)}**`,
    formatMs(c.worstCpuMs),
    c.worstCase,
    c.verdict,
    c.worstMs < limit ? "PASS" : "**FAIL**",
  ]);
  const first = f.firstVerdicts.map((v) => [
    v.control,
    String(v.familySize),
    formatMs(v.loadMs),
    formatMs(v.firstVerdictMs),
    v.verdict,
  ]);
  return [
    "## 4. Filter-pattern worst cases and coverage per control",
    "",
    `\`runFilterPatternBench({ iterations: ${r.filterIterations} })\` from bench/filter-pattern.ts: each case is parsed and judged once untimed (building the control's record family), then ${r.filterIterations} times; its time is the median of those, with the median CPU time (what other processes' load does not inflate) and the slowest iteration (garbage collection and other processes show there) beside it. Worst case: **${formatMs(f.worstMs)}** (${f.worstCase}).`,
    "",
    ...(perControl.length === 0
      ? []
      : [
          `### Slowest verdict per control (target < ${limit} ms each)`,
          "",
          "Every control's cases: its prescribed texts (CIS and Security Hub), the worst cases adapted to it (a 1024-character JSON pattern whose clauses on varying fields hold for every record, so every adversarial variant runs; the same made to miss; 1024 characters of optional terms; the space-delimited pattern with two regexes), and two patterns that count routine records (a broad one as authors write it, and the worst case in an OR with routine reads). The CloudTrail-changes control also has the general worst cases above its own.",
          "",
          ...table(
            ["control", "cases", "slowest verdict (median)", "its CPU (median)", "slowest case", "verdict", "result"],
            perControl,
          ),
          "",
        ]),
    ...(first.length === 0
      ? []
      : [
          "### First verdict per control in a fresh process (what one preview pays; no target)",
          "",
          "bench/first-verdict.ts, one new Node process per control: the time from the process's start until the coverage engine and the control data are loaded, then the first verdict (building the control's record family and the routine records, then judging its newest CIS text). The pack loads the engine on the first metric filter it judges and keeps the families for the process's life, so a `pulumi preview` pays the first verdict once per control it checks.",
          "",
          ...table(["control", "family records", "process start to engine loaded", "first verdict", "verdict"], first),
          "",
        ]),
    "### Every case",
    "",
    ...table(["case", "timings", "worst", "details"], rows),
  ];
}

function installSection(r: BenchReport): string[] {
  const i = r.install;
  if (!i) return [];
  const versions = Object.entries(i.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(", ");
  return [
    "## 5. Published install size",
    "",
    `What a production install of the published pack holds: \`npm pack\` of this project, then \`npm install --omit=dev\` of the tarball in a scratch folder, against an empty pack that depends on ${versions} alone (both pinned to package-lock.json). Bytes on disk of node_modules (allocated blocks, as \`du\` counts), measured ${i.date} with npm ${i.npmVersion} and Node ${i.nodeVersion}; packing and the two parallel installs took ${formatMs(i.installMs)}. Checked on every \`npm test\` by test/publish/install-size.test.ts.`,
    "",
    ...table(
      ["install", "packages", "on disk"],
      [
        ["this pack's tarball", String(i.packPackages), formatMiB(i.packBytes)],
        ["empty pack", String(i.emptyPackages), formatMiB(i.emptyBytes)],
      ],
    ),
    "",
    `Ratio: **${formatRatio(ratio(i.packBytes, i.emptyBytes))}**; the pack adds ${formatMiB(i.packBytes - i.emptyBytes)}.`,
  ];
}

function profileSection(r: BenchReport): string[] {
  if (r.profiles.length === 0) return [];
  const p = r.profiles[0];
  return [
    "## Profile of this pack",
    "",
    `A CPU profile (V8 inspector) of this pack's process over its start-up and the AnalyzeStack section (${formatMs(p.totalMs)} sampled, idle excluded). Profiling slows the pack, so the timings of a profiled run are not comparable.`,
    "",
    ...table(
      ["area", "self time", "share"],
      p.areas.slice(0, 12).map((e) => [e.name, formatMs(e.selfMs), formatPercent(e.share)]),
    ),
    "",
    ...table(
      ["function", "self time", "share"],
      p.topFunctions.map((e) => [`\`${e.name}\``, formatMs(e.selfMs), formatPercent(e.share)]),
    ),
    "",
    ...table(
      ["this project's function", "self time", "share"],
      p.topProjectFunctions.map((e) => [`\`${e.name}\``, formatMs(e.selfMs), formatPercent(e.share)]),
    ),
  ];
}

function readingSection(r: BenchReport): string[] {
  const spreads = [
    ...(r.startup ? [relativeSpread(r.startup.packSamplesMs), relativeSpread(r.startup.emptySamplesMs)] : []),
    ...r.analyze.flatMap((a) => [relativeSpread(a.pack.samplesMs), relativeSpread(a.noop.samplesMs)]),
  ].filter(Number.isFinite);
  return [
    "## How to read this",
    "",
    "- Every comparison is a ratio of medians measured side by side in one run, alternating the two packs, so that machine load falls on both alike; absolute times depend on the machine.",
    "- *Spread* is (max − min) / median of a series: a rough noise figure. " +
      (spreads.length > 0
        ? `The median spread in this run was ${formatPercent(median(spreads))}, the largest ${formatPercent(Math.max(...spreads))}. `
        : "") +
      "A ratio within a few spreads of its limit is not a reliable PASS or FAIL; rerun on an idle machine.",
    "- *Pack CPU* is the user + system CPU time of the pack process during a call (Linux /proc, 10 ms resolution): less disturbed by other processes than wall time, so on a busy machine its ratio is the better guide; the targets use wall time.",
    "- *Peak RSS* is the pack process's VmHWM (Linux /proc) after start-up and all calls at that size.",
    "- *First call* is what a single `pulumi preview` pays (the engine calls AnalyzeStack once per process, with cold JIT); the medians are warm calls.",
    "- Regenerate with `npm run bench` (see README.md, Benchmarks).",
  ];
}

/** The whole BENCHMARKS.md text for a run. */
export function renderBenchmarksMarkdown(r: BenchReport): string {
  const sections = [
    [
      "# Benchmarks",
      "",
      `Generated by \`npm run bench\` on ${r.date}${r.smoke ? " (smoke run: tiny sizes, not representative)" : ""}. Do not edit by hand; rerun the bench. Pack: \`${r.packName}\` (${r.stackPolicyTotal} stack policies, ${r.stackPolicyCount} enabled by default).`,
    ],
    machineSection(r),
    targetsSection(r),
    startupSection(r),
    analyzeSection(r),
    cisSection(r),
    filterSection(r),
    installSection(r),
    profileSection(r),
    readingSection(r),
  ].filter((s) => s.length > 0);
  return `${sections.map((s) => s.join("\n")).join("\n\n")}\n`;
}

/** A few lines for the console. */
export function renderConsoleSummary(r: BenchReport): string {
  const lines: string[] = [];
  if (r.startup)
    lines.push(
      `start-up: pack ${formatMs(r.startup.packMedianMs)}, empty ${formatMs(r.startup.emptyMedianMs)}, ratio ${formatRatio(ratio(r.startup.packMedianMs, r.startup.emptyMedianMs))}`,
    );
  const analyzeLine = (name: string, a: AnalyzeSizeResult): string =>
    `${name} ${count(a.size)}: pack ${formatMs(a.pack.medianMs)}, no-op ${formatMs(a.noop.medianMs)}, ratio ${formatRatio(ratio(a.pack.medianMs, a.noop.medianMs))} (CPU ${formatRatio(ratio(a.pack.cpuMedianMs, a.noop.cpuMedianMs))}); peak RSS ${formatMiB(a.pack.peakRssBytes)} vs ${formatMiB(a.noop.peakRssBytes)}; ${a.pack.diagnostics} diagnostics`;
  for (const a of r.analyze) lines.push(analyzeLine("analyze", a));
  for (const a of r.cisMonitoring?.sizes ?? [])
    lines.push(analyzeLine(`analyze with ${r.cisMonitoring?.configFile ?? "config"}`, a));
  if (r.filter) {
    lines.push(`filter-pattern worst case: ${formatMs(r.filter.worstMs)} (${r.filter.worstCase})`);
    const firstOf = new Map(r.filter.firstVerdicts.map((v) => [v.control, v]));
    for (const c of r.filter.controls) {
      const first = firstOf.get(c.control);
      lines.push(
        `coverage ${c.control}: slowest verdict ${formatMs(c.worstMs)} (${c.worstCase})${first ? `; first verdict in a fresh process ${formatMs(first.firstVerdictMs)}` : ""}`,
      );
    }
  }
  if (r.install) {
    const { packBytes, emptyBytes } = r.install;
    lines.push(
      `published install: ${formatMiB(packBytes)}, empty pack ${formatMiB(emptyBytes)}, ratio ${formatRatio(ratio(packBytes, emptyBytes))}`,
    );
  }
  for (const p of r.profiles.slice(0, 1)) {
    lines.push(`profile ${p.file} (${formatMs(p.totalMs)} sampled); areas:`);
    for (const e of p.areas.slice(0, 10))
      lines.push(`  ${formatPercent(e.share).padStart(4)}  ${formatMs(e.selfMs).padStart(9)}  ${e.name}`);
    lines.push("top functions:");
    for (const e of p.topFunctions)
      lines.push(`  ${formatPercent(e.share).padStart(4)}  ${formatMs(e.selfMs).padStart(9)}  ${e.name}`);
    lines.push("top functions of this project:");
    for (const e of p.topProjectFunctions)
      lines.push(`  ${formatPercent(e.share).padStart(4)}  ${formatMs(e.selfMs).padStart(9)}  ${e.name}`);
  }
  for (const t of r.targets) lines.push(`${t.pass ? "PASS" : "FAIL"}  ${t.name}: ${t.measured} (target ${t.target})`);
  return lines.join("\n");
}
