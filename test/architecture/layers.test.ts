/**
 * The layer rule of README.md's "Architecture": data flows one way, each layer importing only the layers below it.
 * Every relative import (and lazy `require`) of the pack's sources and tools is read, and checked against the
 * table of what each layer may import. A new edge is a design decision: add it here, and to the README.
 */
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "../..");

/** What each layer may import (besides itself and npm packages). */
const allowed: Readonly<Record<string, readonly string[]>> = {
  "index.ts": ["policies", "lib/stack"],
  policies: ["lib/checks", "lib/monitoring", "lib/controls", "lib/stack", "lib/findings"],
  "lib/checks": ["lib/monitoring", "lib/stack", "lib/findings", "lib/controls", "lib/coverage"],
  "lib/monitoring": [
    "lib/stack",
    "lib/findings",
    "lib/controls",
    "lib/coverage",
    "lib/cloudtrail",
    "lib/alarm-rule",
    "lib/kms",
    "lib/alarm-mute",
    "lib/memo",
  ],
  "lib/stack": ["lib/findings"],
  "lib/coverage": ["lib/cloudtrail", "lib/controls", "lib/filter-pattern", "lib/memo"],
  "lib/cloudtrail": ["lib/controls", "lib/memo"],
  "lib/controls": [],
  "lib/filter-pattern": [],
  "lib/findings": [],
  "lib/alarm-rule": [],
  "lib/kms": [],
  "lib/alarm-mute": [],
  // Memo tables mutation runs empty before each test (scripts/jest-mutation-hooks.js).
  "lib/memo": [],
  "tools/engine": [],
  "tools/runner": ["tools/engine", "tools"],
  // Stryker's reports summed up: reads JSON and Markdown, nothing of the pack.
  "tools/mutation": [],
  tools: ["tools/engine", "tools/runner", "tools/mutation", "lib/filter-pattern"],
  bench: ["tools", "tools/engine", "lib", "lib/controls", "lib/coverage", "lib/filter-pattern", "policies", "bench"],
  // The fuzzer drives the pack's layers directly (patterns, coverage, stack adapters) and its tools as a user does.
  fuzz: [
    "tools",
    "tools/engine",
    "tools/mutation",
    "lib/filter-pattern",
    "lib/coverage",
    "lib/controls",
    "lib/cloudtrail",
    "lib/stack",
    "bench",
  ],
};

/** The layer a file belongs to: its top folder, or `lib/<folder>`, `tools/<folder>`. */
function layerOf(file: string): string {
  const relative = path.relative(root, file).split(path.sep);
  if (relative.length === 1) return relative[0];
  const inFolder =
    relative.length > 2 ||
    (relative.length === 2 &&
      fs.existsSync(path.join(root, relative[0], relative[1])) &&
      fs.statSync(path.join(root, relative[0], relative[1])).isDirectory());
  if ((relative[0] === "lib" || relative[0] === "tools") && inFolder) return `${relative[0]}/${relative[1]}`;
  return relative[0];
}

function sourcesUnder(folder: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...sourcesUnder(full));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

/** The relative modules a file imports or requires. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:from|import|require)\s*\(?\s*"(\.[^"]+)"/g)].map((match) => match[1]);
  return specifiers.map((specifier) => path.resolve(path.dirname(file), specifier));
}

const files = [
  path.join(root, "index.ts"),
  ...["policies", "lib", "tools", "bench", "fuzz"].flatMap((folder) => sourcesUnder(path.join(root, folder))),
];

describe("the layer rule", () => {
  it("reads every source file of the pack, its tools, benchmarks and fuzzer", () => {
    expect(files.length).toBeGreaterThan(150);
    expect(files.every((file) => Object.keys(allowed).includes(layerOf(file)))).toBe(true);
  });

  it.each(files.map((file) => [path.relative(root, file), file] as const))(
    "%s imports only the layers below it",
    (_name, file) => {
      const from = layerOf(file);
      const wrong = importsOf(file)
        .map((target) => layerOf(target))
        .filter((to) => to !== from && !(allowed[from] ?? []).includes(to));
      expect([...new Set(wrong)]).toEqual([]);
    },
  );

  it("keeps policies apart: a policy file imports no other policy file, only the shared policy infrastructure", () => {
    const shared = ["common", "config", "messages", "pack-metadata", "control-monitored"];
    for (const file of sourcesUnder(path.join(root, "policies"))) {
      const own = path.basename(file, ".ts");
      if (shared.includes(own) || own === "index") continue;
      const siblings = importsOf(file)
        .filter((target) => layerOf(target) === "policies")
        .map((target) => path.basename(target).replace(/\.ts$/, ""));
      expect([own, siblings.filter((name) => !shared.includes(name))]).toEqual([own, []]);
    }
  });
});
