// What `pulumi policy publish` uploads: it runs `npm pack` in the pack directory (sdk/nodejs/npm/npm.go), and the
// service later unpacks the tarball, installs its dependencies and starts package.json `main`. So the tarball must
// hold PulumiPolicy.yaml, package.json and every compiled module bin/index.js loads, and no tests or tools. Scripts are skipped here
// (`--ignore-scripts`): `npm test` has just compiled bin/, and a `prepare` run would print on npm's JSON stdout.
import { execFileSync } from "child_process";
import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";

const root = path.resolve(__dirname, "../..");

interface PackedFile {
  path: string;
}

function packedFiles(): string[] {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const stdout = execFileSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts", "--loglevel=error"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const [result] = JSON.parse(stdout) as { files: PackedFile[] }[];
  return result.files.map((f) => f.path);
}

/** The module specifiers of the `require(...)` calls of a compiled CommonJS file. */
function requiredSpecifiers(source: string): string[] {
  return [...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
}

/** Resolves a relative specifier the way node does for our compiled files (file.js, then dir/index.js). */
function resolveRelative(fromFile: string, specifier: string): string {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.js`, path.join(base, "index.js")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${path.relative(root, fromFile)} requires ${specifier}, which does not resolve to a compiled file`);
}

/** The package name of a bare specifier: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Every compiled file bin/index.js loads (transitively), and every package those files require. */
function loadGraph(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of requiredSpecifiers(fs.readFileSync(file, "utf8"))) {
      if (specifier.startsWith(".")) pending.push(resolveRelative(file, specifier));
      else packages.set(packageOf(specifier.replace(/^node:/, "")), path.relative(root, file));
    }
  }
  return { files, packages };
}

describe("the published tarball (npm pack, as `pulumi policy publish` runs it)", () => {
  let files: string[];
  const entry = path.join(root, "bin", "index.js");

  beforeAll(() => {
    if (!fs.existsSync(entry))
      throw new Error("bin/index.js is missing: run `npx tsc -p tsconfig.json` (npm test does) first");
    files = packedFiles();
  });

  it("holds PulumiPolicy.yaml, package.json and the entry point", () => {
    expect(files).toEqual(expect.arrayContaining(["PulumiPolicy.yaml", "package.json", "bin/index.js"]));
  });

  it("holds every compiled module bin/index.js loads, transitively", () => {
    const { files: graph } = loadGraph(entry);
    const needed = [...graph].map((f) => path.relative(root, f).split(path.sep).join("/"));
    expect(needed).toEqual(expect.arrayContaining(["bin/index.js", "bin/policies/index.js"]));
    expect(needed.filter((f) => !files.includes(f))).toEqual([]);
  });

  it("loads only packages declared in dependencies (or node built-ins), and not @pulumi/aws (slow start-up)", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
    };
    const declared = new Set(Object.keys(manifest.dependencies ?? {}));
    const { packages } = loadGraph(entry);
    const undeclared = [...packages].filter(([name]) => !declared.has(name) && !builtinModules.includes(name));
    expect(undeclared).toEqual([]);
    expect([...packages].filter(([name]) => name === "@pulumi/aws")).toEqual([]);
  });

  it("holds no tests", () => {
    expect(files.filter((f) => /(^|\/)(test|tests|__tests__)\/|\.(test|spec)\.[jt]s$/.test(f))).toEqual([]);
  });

  it("holds only what the pack needs where it runs: no TypeScript sources, tools, benchmark or tsconfig.json", () => {
    // Without tsconfig.json, run-policy-pack's ts-node registration skips project options (@pulumi/pulumi
    // cmd/run-policy-pack/run.js), and scripts/prepare.js keeps the shipped bin/.
    expect(
      files.filter((f) =>
        /\.ts$|^(tools|bench|bin\/tools|bin\/bench|lib|policies|examples)\/|^tsconfig\.json$/.test(f),
      ),
    ).toEqual([]);
  });

  it("holds the script its `prepare` runs, which npm runs when the Pulumi CLI installs the unpacked pack", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.prepare).toBe("node scripts/prepare.js");
    expect(files).toContain("scripts/prepare.js");
  });
});

describe("requiredSpecifiers", () => {
  it("finds the require calls tsc emits", () => {
    expect(requiredSpecifiers('const a = require("./policies");\nconst b = require("@pulumi/policy");')).toEqual([
      "./policies",
      "@pulumi/policy",
    ]);
  });
});
