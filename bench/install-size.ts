/**
 * The published pack as a production install holds it. `pulumi policy publish` uploads the `npm pack` tarball
 * (pulumi/pulumi `pkg/backend/httpstate/policypack.go`, `Publish`); a machine that runs the pack unpacks it and
 * installs its dependencies with npm (`installRequiredPolicy` there; the nodejs language host runs a plain
 * `npm install`, which also adds devDependencies unless `NODE_ENV=production` or npm's `omit=dev` is set). This
 * module packs the project, installs the tarball without devDependencies into a scratch folder, installs an empty pack that depends on `@pulumi/policy` and
 * `@pulumi/pulumi` alone (the floor every policy pack pays) next to it, both at once, and measures both on disk.
 * Both pin `@pulumi/policy` and `@pulumi/pulumi` to the versions of package-lock.json, so that the two installs
 * differ only by what the pack adds.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { elapsedMs } from "./stats";

const run = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** What one measurement found. */
export interface InstallSizeResult {
  /** Bytes on disk (allocated blocks, as `du` counts them) of node_modules holding the pack and its dependencies. */
  packBytes: number;
  /** The same for the empty pack's node_modules. */
  emptyBytes: number;
  packPackages: number;
  emptyPackages: number;
  /** The pinned versions both installs use. */
  versions: Record<string, string>;
  npmVersion: string;
  nodeVersion: string;
  date: string;
  /** Wall time of packing and the two (parallel) installs. */
  installMs: number;
}

/** A measurement and the scratch folder it leaves behind (for starting the installed pack; remove it after). */
export interface InstalledPack {
  result: InstallSizeResult;
  scratchDir: string;
  /** The installed pack's directory: `<scratch>/pack/node_modules/<name>`. */
  packDir: string;
}

/** The packages an install put under `nodeModules` (directories holding a package.json, scoped ones included). */
function countPackages(nodeModules: string): number {
  const manifests = fs
    .readdirSync(nodeModules, { recursive: true, encoding: "utf8" })
    .filter((e) => path.basename(e) === "package.json");
  return manifests.filter((e) =>
    /^(node_modules|@.+)$/.test(path.basename(path.dirname(path.dirname(path.join(nodeModules, e))))),
  ).length;
}

/** Bytes on disk under `dir`, as `du` counts them: allocated 512-byte blocks of every file, directory and link. */
export function diskUsage(dir: string): number {
  let bytes = fs.lstatSync(dir).blocks * 512;
  for (const entry of fs.readdirSync(dir, { recursive: true, encoding: "utf8" }))
    bytes += fs.lstatSync(path.join(dir, entry)).blocks * 512;
  return bytes;
}

/** The versions package-lock.json holds for `names`. */
export function lockedVersions(projectRoot: string, names: readonly string[]): Record<string, string> {
  const lock = JSON.parse(fs.readFileSync(path.join(projectRoot, "package-lock.json"), "utf8")) as {
    packages: Record<string, { version?: string }>;
  };
  return Object.fromEntries(
    names.map((name) => {
      const version = lock.packages[`node_modules/${name}`]?.version;
      if (version === undefined) throw new Error(`package-lock.json has no node_modules/${name}`);
      return [name, version];
    }),
  );
}

/** `npm pack` of the project into `dir` (scripts skipped: bin/ must be compiled already); returns the tarball's path. */
async function packProject(projectRoot: string, dir: string): Promise<string> {
  const { stdout } = await run(
    npm,
    ["pack", "--json", "--ignore-scripts", "--loglevel=error", "--pack-destination", dir],
    {
      cwd: projectRoot,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  return path.join(dir, packed.filename);
}

/** Writes a package.json with `dependencies` into a new `dir` and installs it as production does. */
async function install(dir: string, dependencies: Record<string, string>): Promise<void> {
  fs.mkdirSync(dir);
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: path.basename(dir), private: true, dependencies }, null, 2),
  );
  await run(npm, ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: dir,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * Packs the project at `projectRoot` (bin/ compiled), installs the tarball and the empty pack in parallel in a
 * scratch folder under the system temp directory, and measures both. The caller removes `scratchDir`.
 */
export async function installPublishedPack(projectRoot: string): Promise<InstalledPack> {
  const start = process.hrtime.bigint();
  const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { name: string };
  const versions = lockedVersions(projectRoot, ["@pulumi/policy", "@pulumi/pulumi"]);
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "published-install-"));
  const tarball = await packProject(projectRoot, scratchDir);
  const packDir = path.join(scratchDir, "pack");
  const emptyDir = path.join(scratchDir, "empty");
  await Promise.all([
    install(packDir, { [manifest.name]: `file:${tarball}`, ...versions }),
    install(emptyDir, versions),
  ]);
  const { stdout: npmVersion } = await run(npm, ["--version"]);
  const result: InstallSizeResult = {
    packBytes: diskUsage(path.join(packDir, "node_modules")),
    emptyBytes: diskUsage(path.join(emptyDir, "node_modules")),
    packPackages: countPackages(path.join(packDir, "node_modules")),
    emptyPackages: countPackages(path.join(emptyDir, "node_modules")),
    versions,
    npmVersion: npmVersion.trim(),
    nodeVersion: process.version,
    date: new Date().toISOString(),
    installMs: elapsedMs(start),
  };
  return { result, scratchDir, packDir: path.join(packDir, "node_modules", manifest.name) };
}
