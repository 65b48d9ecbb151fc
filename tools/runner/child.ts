/* eslint-disable @typescript-eslint/no-require-imports -- the child loads the user's program, its TypeScript and its own
   copy of the Pulumi SDK from paths known only at run time, as Node would load them. */
/**
 * The child process that runs ONE Pulumi program the way a first `pulumi preview` does, with the real
 * `@pulumi/pulumi` runtime in dry-run mode talking to the in-process {@link PreviewMonitor}. It is started by
 * `tools/runner/program.ts` with the spec in an environment variable, and answers with one IPC message.
 * Everything the program prints goes to the parent's stderr. Runtime state is per process: one child per program.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Module = require("module");
import { childSpecEnvVar, ChildMessage, ChildSpec, ProgramLocation } from "./child-protocol";
import { MonitorProtos, PreviewMonitor } from "./preview-monitor";
import { typeInfoReader } from "./provider-types";

interface ModuleInternals {
  _resolveFilename(request: string, parent: unknown, isMain?: boolean, options?: unknown): string;
  _nodeModulePaths(from: string): string[];
  _extensions: Record<string, (module: { _compile(code: string, filename: string): void }, filename: string) => void>;
}
const moduleInternals = Module as unknown as ModuleInternals;

/**
 * Makes bare imports (`@pulumi/aws`) that the program directory cannot resolve fall back to this project's
 * node_modules, so a program without its own node_modules runs against the tool's installation.
 */
function installResolutionFallback(toolRoot: string): void {
  const original = moduleInternals._resolveFilename.bind(Module);
  const fallbackParent = {
    id: toolRoot,
    filename: path.join(toolRoot, "index.js"),
    paths: moduleInternals._nodeModulePaths(toolRoot),
  };
  moduleInternals._resolveFilename = (request, parent, isMain, options) => {
    try {
      return original(request, parent, isMain, options);
    } catch (err) {
      const bare = !request.startsWith(".") && !path.isAbsolute(request);
      if (!bare || (err as { code?: string }).code !== "MODULE_NOT_FOUND") throw err;
      return original(request, fallbackParent, isMain, options);
    }
  };
}

/** Resolves a module from the program directory (or, through the fallback, from this project). */
function resolveFromProgram(programDir: string, request: string): string {
  return moduleInternals._resolveFilename(request, {
    id: programDir,
    filename: path.join(programDir, "index.js"),
    paths: moduleInternals._nodeModulePaths(programDir),
  });
}

/** A TypeScript diagnostic, the parts read here. */
interface TypeScriptDiagnostic {
  readonly category: number;
  readonly messageText: unknown;
  readonly start?: number;
  readonly file?: { getLineAndCharacterOfPosition(position: number): { line: number; character: number } };
}

interface TypeScriptModule {
  transpileModule(
    input: string,
    options: { compilerOptions: Record<string, unknown>; fileName: string; reportDiagnostics?: boolean },
  ): { outputText: string; diagnostics?: readonly TypeScriptDiagnostic[] };
  flattenDiagnosticMessageText(messageText: unknown, newLine: string): string;
  DiagnosticCategory: { Error: number };
  readConfigFile(
    file: string,
    read: (p: string) => string | undefined,
  ): { config?: { compilerOptions?: Record<string, unknown> } };
  convertCompilerOptionsFromJson(json: unknown, basePath: string): { options: Record<string, unknown> };
  ModuleKind: { CommonJS: number };
  ScriptTarget: { ES2020: number };
}

/** A program file that does not parse, with where (TypeScript's diagnostic). */
class ProgramSourceError extends Error {
  constructor(
    message: string,
    readonly location: ProgramLocation,
  ) {
    super(message);
    this.name = "SyntaxError";
  }
}

/** Where transpiled programs are cached, keyed by a hash of source, options and TypeScript version. */
const transpileCacheDir = path.join(os.tmpdir(), "cloudtrail-policy-runner-ts-cache");

/** Reads a cached transpilation; undefined on a miss. */
function readCached(key: string): string | undefined {
  try {
    return fs.readFileSync(path.join(transpileCacheDir, `${key}.js`), "utf8");
  } catch {
    return undefined;
  }
}

/** Stores a transpilation (atomically; a failure only costs the next run time). */
function writeCached(key: string, text: string): void {
  try {
    fs.mkdirSync(transpileCacheDir, { recursive: true });
    const tmp = path.join(transpileCacheDir, `${key}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, path.join(transpileCacheDir, `${key}.js`));
  } catch {
    // best effort
  }
}

/**
 * Registers a `.ts` require hook that transpiles (no type check) with the program's tsconfig compiler options,
 * forced to CommonJS with inline source maps so errors point at the program's TypeScript lines. TypeScript is
 * loaded only on a cache miss.
 */
function installTypeScriptHook(programDir: string, toolRoot: string): void {
  if (moduleInternals._extensions[".ts"]) return;
  const tsPath = require.resolve("typescript", { paths: [programDir, toolRoot] });
  const tsVersion = (
    JSON.parse(fs.readFileSync(path.join(path.dirname(tsPath), "..", "package.json"), "utf8")) as { version: string }
  ).version;
  const tsconfigPath = path.join(programDir, "tsconfig.json");
  const tsconfigText = fs.existsSync(tsconfigPath) ? fs.readFileSync(tsconfigPath, "utf8") : "";
  let transpiler: ((source: string, filename: string) => string) | undefined;
  const transpile = (source: string, filename: string): string => {
    if (!transpiler) {
      const ts = require(tsPath) as TypeScriptModule;
      let fromConfig: Record<string, unknown> = {};
      if (tsconfigText !== "") {
        const read = ts.readConfigFile(tsconfigPath, (p) => fs.readFileSync(p, "utf8"));
        fromConfig = ts.convertCompilerOptionsFromJson(read.config?.compilerOptions ?? {}, programDir).options;
      }
      const compilerOptions: Record<string, unknown> = {
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
        ...fromConfig,
        module: ts.ModuleKind.CommonJS,
        inlineSourceMap: true,
        inlineSources: false,
        sourceMap: false,
        declaration: false,
        noEmit: false,
        isolatedModules: true,
      };
      delete compilerOptions.moduleResolution;
      delete compilerOptions.outDir;
      transpiler = (text, file) => {
        const result = ts.transpileModule(text, { compilerOptions, fileName: file, reportDiagnostics: true });
        // A syntax error: transpiling goes on regardless and Node then fails on the output with no position in
        // the program, so report TypeScript's own diagnostic, at its line and column in the .ts file.
        const error = result.diagnostics?.find(
          (d) => d.category === ts.DiagnosticCategory.Error && d.file !== undefined && d.start !== undefined,
        );
        if (error?.file !== undefined && error.start !== undefined) {
          const { line, character } = error.file.getLineAndCharacterOfPosition(error.start);
          const location = { file: path.relative(programDir, file), line: line + 1, column: character + 1 };
          throw new ProgramSourceError(ts.flattenDiagnosticMessageText(error.messageText, "\n"), location);
        }
        return result.outputText;
      };
    }
    return transpiler(source, filename);
  };
  moduleInternals._extensions[".ts"] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const key = crypto
      .createHash("sha256")
      .update([tsVersion, tsconfigText, filename, source].join("\u0000"))
      .digest("hex");
    let output = readCached(key);
    if (output === undefined) {
      output = transpile(source, filename);
      writeCached(key, output);
    }
    module._compile(output, filename);
  };
}

/** The first stack frame in the program's own files (not node_modules, not this tool). */
export function programLocation(stack: string | undefined, programDir: string): ProgramLocation | undefined {
  for (const line of (stack ?? "").split("\n")) {
    const m = /\(?((?:file:\/\/)?\/[^():]+|[A-Za-z]:\\[^():]+):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (!m) continue;
    const file = m[1].replace(/^file:\/\//, "");
    if (!file.startsWith(programDir + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    return { file: path.relative(programDir, file), line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

/** The message of whatever the program threw. */
function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === "string" ? err : `a non-Error value was thrown: ${String(err)}`;
}

function send(message: ChildMessage): void {
  if (!process.send) {
    process.stderr.write(`${JSON.stringify(message)}\n`);
    process.exit(message.kind === "result" ? 0 : 1);
  }
  process.send(message, () => process.exit(message.kind === "result" ? 0 : 1));
}

function readSpec(): ChildSpec {
  const text = process.env[childSpecEnvVar];
  if (!text) throw new Error(`${childSpecEnvVar} is not set: this script is started by the offline runner`);
  return JSON.parse(text) as ChildSpec;
}

/** Sets the environment the language host gives a program, before the runtime is loaded. */
function setProgramEnvironment(spec: ChildSpec): void {
  process.env.PULUMI_CONFIG = JSON.stringify(spec.config);
  process.env.PULUMI_CONFIG_SECRET_KEYS = JSON.stringify(spec.secretKeys);
  process.env.PULUMI_NODEJS_PROJECT = spec.project;
  process.env.PULUMI_NODEJS_STACK = spec.stack;
  process.env.PULUMI_NODEJS_ORGANIZATION = spec.organization;
  process.env.PULUMI_NODEJS_DRY_RUN = "true";
  process.env.PULUMI_NODEJS_ROOT_DIRECTORY = spec.programDir;
  delete process.env.PULUMI_NODEJS_MONITOR;
  delete process.env.PULUMI_NODEJS_ENGINE;
}

/** Loads the runtime modules of the `@pulumi/pulumi` copy the program resolves. */
function loadRuntime(programDir: string) {
  const pkgJson = resolveFromProgram(programDir, "@pulumi/pulumi/package.json");
  const pulumiDir = path.dirname(pkgJson);
  const load = (rel: string): unknown => require(path.join(pulumiDir, rel));
  const structPath = require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [pulumiDir] });
  const resproto = load("proto/resource_pb.js") as Pick<
    MonitorProtos,
    "RegisterResourceResponse" | "ReadResourceResponse"
  >;
  const provproto = load("proto/provider_pb.js") as Pick<MonitorProtos, "InvokeResponse">;
  const protos: MonitorProtos = {
    RegisterResourceResponse: resproto.RegisterResourceResponse,
    ReadResourceResponse: resproto.ReadResourceResponse,
    InvokeResponse: provproto.InvokeResponse,
    Struct: (require(structPath) as { Struct: MonitorProtos["Struct"] }).Struct,
  };
  return {
    protos,
    settings: load("runtime/settings.js") as {
      setMockOptions(monitor: unknown, project: string, stack: string, preview: boolean, organization: string): void;
      waitForRPCs(): Promise<void>;
    },
    stack: load("runtime/stack.js") as { runInPulumiStack(init: () => Promise<unknown>): Promise<unknown> },
  };
}

function packageDir(programDir: string, name: string): string | undefined {
  try {
    return path.dirname(resolveFromProgram(programDir, `${name}/package.json`));
  } catch {
    return undefined;
  }
}

function main(): void {
  const spec = readSpec();
  process.channel?.unref();
  process.setSourceMapsEnabled(true);
  process.chdir(spec.programDir);
  setProgramEnvironment(spec);
  installResolutionFallback(spec.toolRoot);
  installTypeScriptHook(spec.programDir, spec.toolRoot);

  const runtime = loadRuntime(spec.programDir);
  const typeInfo = typeInfoReader({ aws: packageDir(spec.programDir, "@pulumi/aws") });
  const monitor = new PreviewMonitor(
    { project: spec.project, stack: spec.stack, config: spec.config, typeInfo },
    runtime.protos,
  );
  runtime.settings.setMockOptions(monitor, spec.project, spec.stack, true, spec.organization);

  let finished = false;
  const fail = (err: unknown): void => {
    if (finished) return;
    finished = true;
    const stack = err instanceof Error ? err.stack : undefined;
    const location = err instanceof ProgramSourceError ? err.location : programLocation(stack, spec.programDir);
    send({ kind: "error", message: errorMessage(err), location, registrations: monitor.recorded() });
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  process.on("beforeExit", () => {
    if (finished) return;
    runtime.settings.waitForRPCs().then(() => {
      if (finished) return;
      finished = true;
      send({ kind: "result", registrations: monitor.recorded(), notes: monitor.notes() });
    }, fail);
  });

  runtime.stack
    .runInPulumiStack(async () => {
      const entry =
        fs.statSync(spec.entry).isDirectory() && !spec.entry.endsWith(path.sep) ? spec.entry + path.sep : spec.entry;
      const exported = require(entry) as unknown;
      return exported instanceof Function ? await (exported as () => unknown)() : exported;
    })
    .catch(fail);
}

if (require.main === module) main();
