/**
 * The stacks section: random first-preview and deployed stacks sent over real gRPC to one compiled pack process
 * (tools/engine), under every config file of config/ and the defaults. Every answer is checked for the SDK's
 * "can't run policy" downgrade, internal errors and printed secrets; every stack is also sent shuffled, with
 * unrelated resources added, with its patterns in their printed form, and with one known value made unknown, and
 * the answers compared (fuzz/invariants/stack-diagnostics.ts).
 */
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { parseFilterPattern, printFilterPattern } from "../../lib/filter-pattern";
import {
  readPolicyPackConfigFile,
  startPack,
  unknownSentinels,
  type EngineResource,
  type PackProcess,
  type PolicyPackConfigFile,
} from "../../tools/engine";
import type { AnalyzeResult } from "../../tools/engine/protocol";
import { FindingLog } from "../findings";
import { buildStack } from "../generators/stack-builder";
import { stackPlan, type StackPlan } from "../generators/stack-plan";
import { hasAmbiguousGrouping } from "../invariants/patterns";
import {
  answerLines,
  firstDifference,
  hasMandatory,
  isCantRun,
  isInternalError,
  printedSecrets,
  secretOnlyMarkers,
  withoutPatternText,
} from "../invariants/stack-diagnostics";
import { addUnrelated, shuffle, stackMutation, toUnknown, type StackMutation } from "../mutators/stacks";
import type { Progress } from "../progress";
import { derivedSeed, sampleBatch } from "../random";

const batchSize = 20;
/** Requests in flight at once: the pack answers one at a time, the fuzzer encodes the next meanwhile. */
const inFlight = 4;

export interface StackSectionOptions {
  readonly count: number;
  readonly seed: number;
  /** The pack directory (the compiled pack is its package.json `main`). */
  readonly packDir: string;
  readonly deadline?: number;
  readonly progress: Progress;
  /** Where to write the resources of a failing stack (none when undefined). */
  readonly failureDir?: string;
}

export interface StackSectionResult {
  readonly stacks: number;
  readonly calls: number;
  readonly resources: number;
  readonly byPhase: Readonly<Record<string, number>>;
  readonly byConfig: Readonly<Record<string, number>>;
  readonly providers: { readonly aws: number; readonly native: number; readonly both: number };
  readonly secretsSent: number;
  readonly unknownsSent: number;
  readonly cantRun: number;
  readonly internalErrors: number;
  readonly crashes: number;
  readonly secretsPrinted: number;
  readonly invariants: Readonly<
    Record<"order" | "unrelated" | "rewrite" | "unknown", { checked: number; held: number }>
  >;
  readonly callMs: number;
  readonly elapsedMs: number;
  readonly stoppedByBudget: boolean;
  readonly findings: FindingLog;
}

/** One generated case: the plan, the mutations of the stack sent, and the variants the invariants compare. */
interface StackCase {
  readonly plan: StackPlan;
  readonly mutations: readonly StackMutation[];
  readonly shuffle: StackMutation;
  readonly unrelated: StackMutation;
  readonly unknown: StackMutation;
}

const stackCase: fc.Arbitrary<StackCase> = stackPlan.chain((plan) =>
  fc.record({
    plan: fc.constant(plan),
    mutations: fc.array(stackMutation, { maxLength: 6 }),
    shuffle,
    unrelated: addUnrelated(plan),
    unknown: toUnknown,
  }),
);

/** The stacks of batch `batch` for a run's seed. */
export function stackBatch(
  seed: number,
  batch: number,
  size: number,
): { resources: EngineResource[]; stackCase: StackCase }[] {
  return sampleBatch(stackCase, derivedSeed(seed, "stacks", batch), size).map((c) => ({
    resources: c.mutations.reduce<EngineResource[]>((stack, mutate) => mutate(stack), buildStack(c.plan)),
    stackCase: c,
  }));
}

/** The config variants: the pack's defaults, then every file of config/, by name. */
export function configVariants(packDir: string): { label: string; config: PolicyPackConfigFile | undefined }[] {
  const dir = path.join(packDir, "config");
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
    : [];
  return [
    { label: "defaults", config: undefined },
    ...files.map((file) => ({ label: `config/${file}`, config: readPolicyPackConfigFile(path.join(dir, file)) })),
  ];
}

const isSentinel = (value: unknown): boolean =>
  typeof value === "string" && (Object.values(unknownSentinels) as string[]).includes(value);

function countIn(value: unknown, test: (v: unknown) => boolean): number {
  if (test(value)) return 1;
  if (Array.isArray(value)) return value.reduce<number>((n, item) => n + countIn(item, test), 0);
  if (value !== null && typeof value === "object")
    return Object.values(value).reduce<number>((n, item) => n + countIn(item, test), 0);
  return 0;
}
const isSecretValue = (v: unknown): boolean =>
  v !== null && typeof v === "object" && "4dabf18193072939515e22adb298388d" in v;

/** Every plain, parseable filter pattern replaced by its printed form; undefined when none changes. */
export function printedPatterns(
  resources: readonly EngineResource[],
): { resources: EngineResource[]; texts: string[] } | undefined {
  const texts: string[] = [];
  const rewritten = resources.map((r) => {
    const key = r.type.startsWith("aws-native:") ? "filterPattern" : "pattern";
    const pattern = r.properties[key];
    if (!r.type.includes("etricFilter") || typeof pattern !== "string" || isSentinel(pattern)) return r;
    const parsed = parseFilterPattern(pattern);
    // A pattern whose && / || grouping is ambiguous is judged under every reading; its printed form picks one.
    if (!parsed.ok || hasAmbiguousGrouping(pattern, parsed.pattern)) return r;
    const printed = printFilterPattern(parsed.pattern);
    if (printed === pattern) return r;
    texts.push(pattern, printed);
    return { ...r, properties: { ...r.properties, [key]: printed } };
  });
  return texts.length === 0 ? undefined : { resources: rewritten, texts };
}

export async function runStackSection(options: StackSectionOptions): Promise<StackSectionResult> {
  const started = Date.now();
  const findings = new FindingLog();
  const configs = configVariants(options.packDir);
  const state = {
    stacks: 0,
    calls: 0,
    resources: 0,
    secretsSent: 0,
    unknownsSent: 0,
    cantRun: 0,
    internalErrors: 0,
    crashes: 0,
    secretsPrinted: 0,
    callMs: 0,
  };
  const byPhase: Record<string, number> = {};
  const byConfig: Record<string, number> = {};
  const providers = { aws: 0, native: 0, both: 0 };
  const invariants = {
    order: { checked: 0, held: 0 },
    unrelated: { checked: 0, held: 0 },
    rewrite: { checked: 0, held: 0 },
    unknown: { checked: 0, held: 0 },
  };
  let stoppedByBudget = false;
  const start = (): Promise<PackProcess> =>
    startPack({
      packDir: options.packDir,
      stack: "dev",
      project: "fuzz",
      dryRun: true,
      stackConfig: { "aws:region": "us-east-1" },
    });
  let pack = await start();
  let configLabel = "";

  const dump = (what: string, reproducer: string, resources: readonly EngineResource[]): string => {
    if (options.failureDir === undefined) return reproducer;
    fs.mkdirSync(options.failureDir, { recursive: true });
    const file = path.join(options.failureDir, `${what}-${reproducer.replace(/[^A-Za-z0-9-]+/g, "_")}.json`);
    fs.writeFileSync(file, JSON.stringify({ config: configLabel, resources }, null, 1));
    return `${reproducer} (${path.relative(process.cwd(), file)})`;
  };

  /** Sends one stack; checks what every answer must satisfy. Undefined when the call failed. */
  const call = async (
    resources: EngineResource[],
    reproducer: string,
    what: string,
  ): Promise<AnalyzeResult | undefined> => {
    state.calls++;
    const t0 = Date.now();
    let result: AnalyzeResult;
    try {
      result = await pack.analyzeStack(resources);
    } catch (error) {
      const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
      // A gRPC error is the pack's; anything else is the fuzzer failing to encode its own request.
      const fromPack = detail.startsWith("AnalyzeStack failed");
      if (fromPack) state.crashes++;
      findings.add({
        kind: fromPack ? "crash" : "harness",
        detail: `${what}: ${detail}`,
        reproducer: dump("crash", reproducer, resources),
      });
      return undefined;
    } finally {
      state.callMs += Date.now() - t0;
    }
    for (const d of result.diagnostics) {
      if (isCantRun(d)) {
        state.cantRun++;
        findings.add({
          kind: "cant-run",
          detail: `${what}: ${d.message.slice(0, 300)}`,
          reproducer: dump("cant-run", reproducer, resources),
        });
      }
      if (isInternalError(d)) {
        state.internalErrors++;
        findings.add({
          kind: "internal-error",
          detail: `${what}: ${d.message.slice(0, 300)}`,
          reproducer: dump("internal", reproducer, resources),
        });
      }
    }
    const leaked = printedSecrets(result, secretOnlyMarkers(resources));
    if (leaked.length > 0) {
      state.secretsPrinted += leaked.length;
      const message = result.diagnostics.find((d) => leaked.some((m) => d.message.includes(m)))?.message ?? "";
      findings.add({
        kind: "secret-printed",
        detail: `${what}: ${leaked.join(", ")} in ${JSON.stringify(message.slice(0, 300))}`,
        reproducer: dump("secret", reproducer, resources),
      });
    }
    return result;
  };

  const compare = (
    name: keyof typeof invariants,
    held: boolean,
    detail: string,
    reproducer: string,
    resources: readonly EngineResource[],
  ): void => {
    invariants[name].checked++;
    if (held) invariants[name].held++;
    else findings.add({ kind: name, detail, reproducer: dump(name, reproducer, resources) });
  };

  const runCase = async (
    resources: EngineResource[],
    c: StackCase,
    reproducer: string,
    securityHub: boolean,
  ): Promise<void> => {
    const base = await call(resources, reproducer, "the stack");
    if (base === undefined) return;
    const baseLines = answerLines(base);
    const ordered = c.shuffle(resources);
    const [shuffled, withUnrelated] = await Promise.all([
      call(ordered, reproducer, "shuffled"),
      call(c.unrelated(resources), reproducer, "with unrelated resources"),
    ]);
    if (shuffled !== undefined) {
      const diff = firstDifference(baseLines, answerLines(shuffled));
      compare("order", diff === undefined, `shuffling the resources changed the answer: ${diff}`, reproducer, ordered);
    }
    if (withUnrelated !== undefined) {
      const diff = firstDifference(baseLines, answerLines(withUnrelated));
      compare(
        "unrelated",
        diff === undefined,
        `adding unrelated resources changed the answer: ${diff}`,
        reproducer,
        c.unrelated(resources),
      );
    }
    const rewrite = securityHub ? undefined : printedPatterns(resources);
    if (rewrite !== undefined) {
      const rewritten = await call(rewrite.resources, reproducer, "patterns printed");
      if (rewritten !== undefined) {
        const normalise = (m: string): string => withoutPatternText(m, rewrite.texts);
        const diff = firstDifference(answerLines(base, normalise), answerLines(rewritten, normalise));
        compare(
          "rewrite",
          diff === undefined,
          `a pattern's printed form changed the answer: ${diff}`,
          reproducer,
          rewrite.resources,
        );
      }
    }
    const unknownStack = c.unknown(resources);
    if (hasMandatory(base) && JSON.stringify(unknownStack) !== JSON.stringify(resources)) {
      const after = await call(unknownStack, reproducer, "a value made unknown");
      if (after !== undefined) {
        compare(
          "unknown",
          hasMandatory(after),
          `a known value made unknown left no mandatory violation (before: ${base.diagnostics
            .filter((d) => d.enforcementLevel === "mandatory")
            .map((d) => d.policyName)
            .join(", ")})`,
          reproducer,
          unknownStack,
        );
      }
    }
  };

  try {
    for (let batch = 0; state.stacks < options.count; batch++) {
      if (options.deadline !== undefined && Date.now() > options.deadline) {
        stoppedByBudget = true;
        break;
      }
      const variant = configs[batch % configs.length];
      if (variant.label !== configLabel) {
        await pack.configure(variant.config);
        configLabel = variant.label;
      }
      const securityHub = JSON.stringify(variant.config ?? {}).includes("security-hub");
      const cases = stackBatch(options.seed, batch, Math.min(batchSize, options.count - state.stacks));
      const queue = cases.map((c, index) => ({
        ...c,
        reproducer: `--seed ${options.seed} stacks batch ${batch} case ${index}`,
      }));
      for (const c of queue) {
        state.resources += c.resources.length;
        byPhase[c.stackCase.plan.phase] = (byPhase[c.stackCase.plan.phase] ?? 0) + 1;
        const families = new Set(c.resources.map((r) => r.type.split(":")[0]));
        if (families.has("aws") && families.has("aws-native")) providers.both++;
        else if (families.has("aws-native")) providers.native++;
        else providers.aws++;
        state.secretsSent += countIn(c.resources, isSecretValue);
        state.unknownsSent += countIn(c.resources, isSentinel);
      }
      byConfig[variant.label] = (byConfig[variant.label] ?? 0) + cases.length;
      const workers = Array.from({ length: inFlight }, async () => {
        for (let next = queue.shift(); next !== undefined; next = queue.shift())
          await runCase(next.resources, next.stackCase, next.reproducer, securityHub);
      });
      await Promise.all(workers);
      state.stacks += cases.length;
      if (!isAlive(pack.pid)) {
        state.crashes++;
        findings.add({
          kind: "crash",
          detail: `the pack process exited: ${pack.stderrText().slice(-300)}`,
          reproducer: `--seed ${options.seed} stacks batch ${batch}`,
        });
        pack = await start();
        configLabel = "";
      }
      options.progress.tick(
        () =>
          `stacks: ${state.stacks.toLocaleString("en-US")} of ${options.count.toLocaleString("en-US")}, ${state.calls} calls, failures ${findings.total()}`,
      );
    }
  } finally {
    await pack.close();
  }
  return {
    ...state,
    byPhase,
    byConfig,
    providers,
    invariants,
    elapsedMs: Date.now() - started,
    stoppedByBudget,
    findings,
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
