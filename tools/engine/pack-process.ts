/**
 * Starts a policy pack exactly as the Pulumi engine does and talks to it over the `pulumirpc.Analyzer` gRPC
 * service: `node <@pulumi/pulumi/cmd/run-policy-pack> <engineAddress> <entry>` with cwd = the pack directory,
 * stack config in `PULUMI_CONFIG` and `PULUMI_NODEJS_{STACK,PROJECT,ORGANIZATION,DRY_RUN}`; the first stdout line
 * is the port; then Handshake and ConfigureStack, in the engine's order (pulumi/pulumi `pkg/engine/update.go`,
 * `sdk/nodejs/cmd/pulumi-language-nodejs/main.go` `RunPlugin`).
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { PolicyPackConfigFile, reconcilePolicyConfig, ReconciledPolicyConfig } from "./config";
import { fromAnalyzeResponse, fromAnalyzerInfo, toAnalyzerResource, toConfigureRequest } from "./convert";
import { AnalyzeResult, EngineResource, PolicyPackInfo, Severity } from "./protocol";
import { isYamlMapping, readYamlFile } from "./pulumi-yaml";

/** How to start a pack. */
export interface StartPackOptions {
  /** The pack directory (holding PulumiPolicy.yaml and package.json); the process's cwd. */
  packDir: string;
  /** The program argument; default `"."`, which node resolves through package.json `main`. */
  entry?: string;
  stack?: string;
  project?: string;
  organization?: string;
  /** `true` (default) plays a preview, `false` an update. */
  dryRun?: boolean;
  /** Stack config, e.g. `{ "aws:region": "us-east-1" }`; sent as `PULUMI_CONFIG` and in ConfigureStack. */
  stackConfig?: Record<string, string>;
  stackTags?: Record<string, string>;
  /** Base environment for the process (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the port line (default 60 000 ms). */
  startTimeoutMs?: number;
}

/** A running pack and the engine-side calls on it. */
export interface PackProcess {
  readonly port: number;
  readonly pid: number;
  /** Everything the pack wrote to stderr so far. */
  stderrText(): string;
  /** Everything the pack wrote to stdout so far, including the port line. */
  stdoutText(): string;
  /** Handshake; UNIMPLEMENTED (what @pulumi/policy 1.21 answers) is accepted, as by the engine. */
  handshake(): Promise<void>;
  configureStack(): Promise<void>;
  getAnalyzerInfo(): Promise<PolicyPackInfo>;
  /** Reconciles `config` as the CLI does (throws `PolicyConfigError` when invalid) and sends it with Configure. */
  configure(config: PolicyPackConfigFile | undefined): Promise<ReconciledPolicyConfig>;
  analyzeStack(resources: EngineResource[]): Promise<AnalyzeResult>;
  /** Closes the connection and ends the process (SIGTERM, then SIGKILL after 5 s); resolves when it has exited. */
  close(): Promise<void>;
}

/** The address passed as the engine address; run-policy-pack ignores it. */
const engineAddress = "127.0.0.1:0";
const grpcUnimplemented = 12;
const maxMessageBytes = 400 * 1024 * 1024;

/** Finds `@pulumi/pulumi/cmd/run-policy-pack` from the pack directory, as the nodejs language host does. */
function resolveRunPolicyPack(packDir: string): string {
  try {
    return require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
  } catch {
    throw new Error(
      `cannot find @pulumi/pulumi/cmd/run-policy-pack from ${packDir}: run \`npm install\` in the pack directory`,
    );
  }
}

/**
 * Reads PulumiPolicy.yaml as the engine needs it: it must exist and be YAML, and a top-level `version:` overrides
 * the version the pack reports (a Go string field of the CLI's policy project, so `1.10` stays `1.10`).
 */
export function readPolicyProjectVersion(packDir: string): string | undefined {
  const file = path.join(packDir, "PulumiPolicy.yaml");
  if (!fs.existsSync(file)) {
    throw new Error(
      `${file} is missing: the Pulumi CLI only runs a directory with a PulumiPolicy.yaml as a policy pack`,
    );
  }
  const read = readYamlFile(file, "text");
  if (!read.ok) throw new Error(read.message);
  const version = isYamlMapping(read.value) ? read.value.version : undefined;
  return typeof version === "string" && version !== "" ? version : undefined;
}

/** The environment the language host gives the pack (`RunPlugin`). */
export function packEnvironment(options: StartPackOptions): NodeJS.ProcessEnv {
  return {
    ...(options.env ?? process.env),
    PULUMI_CONFIG: JSON.stringify(options.stackConfig ?? {}),
    PULUMI_NODEJS_STACK: options.stack ?? "dev",
    PULUMI_NODEJS_PROJECT: options.project ?? "project",
    PULUMI_NODEJS_ORGANIZATION: options.organization ?? "organization",
    PULUMI_NODEJS_DRY_RUN: String(options.dryRun ?? true),
  };
}

/** Packs still running; killed if this process exits without closing them (e.g. a test run aborted). */
const livePacks = new Set<ChildProcess>();
let exitHookInstalled = false;

function trackUntilExit(child: ChildProcess): void {
  livePacks.add(child);
  child.once("exit", () => livePacks.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const live of livePacks) live.kill("SIGKILL");
    });
  }
}

function tail(text: string, max = 4000): string {
  return text.length <= max ? text : `…${text.slice(text.length - max)}`;
}

/** The end of the pack's stderr to append to an error message, or `""` when it wrote nothing. */
function stderrNote(stderr: string): string {
  return stderr.trim() === "" ? "" : `\nstderr:\n${tail(stderr)}`;
}

/** Waits for the first stdout line and returns the port; rejects with a clear message otherwise. */
function waitForPort(
  child: ChildProcess,
  packDir: string,
  output: { stdout: string; stderr: string },
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const finish = (error: Error | undefined, port?: number): void => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      child.off("error", onError);
      if (error !== undefined) reject(error);
      else resolve(port as number);
    };
    const onData = (): void => {
      const newline = output.stdout.indexOf("\n");
      if (newline < 0) return;
      const line = output.stdout.slice(0, newline).trim();
      if (/^[0-9]+$/.test(line)) {
        finish(undefined, Number(line));
        return;
      }
      child.kill("SIGKILL");
      finish(
        new Error(
          `the policy pack at ${packDir} printed ${JSON.stringify(line.slice(0, 200))} before its port number; ` +
            `the engine reads the first stdout line as the port, so nothing may print on stdout while the pack loads` +
            stderrNote(output.stderr),
        ),
      );
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      finish(
        new Error(
          `the policy pack at ${packDir} exited (${signal ?? `code ${code}`}) before printing its port${stderrNote(output.stderr)}`,
        ),
      );
    };
    const onError = (error: Error): void =>
      finish(new Error(`cannot start the policy pack at ${packDir}: ${error.message}`));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish(
        new Error(`the policy pack at ${packDir} printed no port within ${timeoutMs} ms${stderrNote(output.stderr)}`),
      );
    }, timeoutMs);
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
    child.once("error", onError);
  });
}

/** Calls a unary RPC and turns its callback into a promise; gRPC errors name the RPC and carry the pack's stderr. */
function unary<Req, Res>(
  name: string,
  call: (request: Req, callback: (error: grpc.ServiceError | null, response: Res) => void) => unknown,
  request: Req,
  stderr: () => string,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    call(request, (error, response) => {
      if (error === null) {
        resolve(response);
        return;
      }
      const failure = new Error(`${name} failed: ${error.details || error.message}${stderrNote(stderr())}`);
      Object.assign(failure, { code: error.code });
      reject(failure);
    });
  });
}

class RunningPack implements PackProcess {
  private info: PolicyPackInfo | undefined;
  private exited: Promise<void>;

  constructor(
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly client: AnalyzerClient,
    private readonly output: { stdout: string; stderr: string },
    private readonly options: StartPackOptions,
    private readonly packDir: string,
    private readonly versionOverride: string | undefined,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once("exit", () => resolve());
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  stderrText(): string {
    return this.output.stderr;
  }

  stdoutText(): string {
    return this.output.stdout;
  }

  async handshake(): Promise<void> {
    const request = new analyzerProto.AnalyzerHandshakeRequest();
    request.setEngineAddress(engineAddress);
    request.setRootDirectory(this.packDir);
    request.setProgramDirectory(this.packDir);
    try {
      await unary(
        "Handshake",
        (req, cb) => this.client.handshake(req, cb),
        request,
        () => this.stderrText(),
      );
    } catch (e) {
      if ((e as { code?: number }).code !== grpcUnimplemented) throw e;
    }
  }

  async configureStack(): Promise<void> {
    const o = this.options;
    const request = new analyzerProto.AnalyzerStackConfigureRequest();
    request.setStack(o.stack ?? "dev");
    request.setProject(o.project ?? "project");
    request.setOrganization(o.organization ?? "organization");
    request.setDryRun(o.dryRun ?? true);
    for (const [k, v] of Object.entries(o.stackConfig ?? {})) request.getConfigMap().set(k, v);
    for (const [k, v] of Object.entries(o.stackTags ?? {})) request.getTagsMap().set(k, v);
    await unary(
      "ConfigureStack",
      (req, cb) => this.client.configureStack(req, cb),
      request,
      () => this.stderrText(),
    );
  }

  async getAnalyzerInfo(): Promise<PolicyPackInfo> {
    const response = await unary<Empty, analyzerProto.AnalyzerInfo>(
      "GetAnalyzerInfo",
      (req, cb) => this.client.getAnalyzerInfo(req, cb),
      new Empty(),
      () => this.stderrText(),
    );
    this.info = fromAnalyzerInfo(response, this.versionOverride);
    return this.info;
  }

  async configure(config: PolicyPackConfigFile | undefined): Promise<ReconciledPolicyConfig> {
    const info = this.info ?? (await this.getAnalyzerInfo());
    const reconciled = reconcilePolicyConfig(info, config);
    await unary(
      "Configure",
      (req, cb) => this.client.configure(req, cb),
      toConfigureRequest(reconciled),
      () => this.stderrText(),
    );
    return reconciled;
  }

  async analyzeStack(resources: EngineResource[]): Promise<AnalyzeResult> {
    const request = new analyzerProto.AnalyzeStackRequest();
    request.setResourcesList(resources.map(toAnalyzerResource));
    const response = await unary<analyzerProto.AnalyzeStackRequest, analyzerProto.AnalyzeResponse>(
      "AnalyzeStack",
      (req, cb) => this.client.analyzeStack(req, cb),
      request,
      () => this.stderrText(),
    );
    const result = fromAnalyzeResponse(response, this.versionOverride);
    // Like the engine, fill a missing severity from the policy's metadata.
    const severities = new Map((this.info?.policies ?? []).map((p) => [p.name, p.severity as Severity]));
    for (const d of result.diagnostics) if (d.severity === "") d.severity = severities.get(d.policyName) ?? "";
    return result;
  }

  async close(): Promise<void> {
    this.client.close();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill("SIGTERM");
      const force = setTimeout(() => this.child.kill("SIGKILL"), 5000);
      await this.exited;
      clearTimeout(force);
    }
  }
}

/**
 * Spawns the pack as the engine does (see the module comment), reads its port, connects, then calls Handshake and
 * ConfigureStack. Rejects with a clear message (including the pack's stderr) when the pack prints anything other
 * than a port first, exits, or is silent for `startTimeoutMs`.
 */
export async function startPack(options: StartPackOptions): Promise<PackProcess> {
  const packDir = path.resolve(options.packDir);
  const versionOverride = readPolicyProjectVersion(packDir);
  const runPolicyPack = resolveRunPolicyPack(packDir);
  const child = spawn(process.execPath, [runPolicyPack, engineAddress, options.entry ?? "."], {
    cwd: packDir,
    env: packEnvironment(options),
    stdio: ["ignore", "pipe", "pipe"],
  });
  trackUntilExit(child);
  const output = { stdout: "", stderr: "" };
  child.stdout?.setEncoding("utf8");
  child.stderr?.setEncoding("utf8");
  child.stdout?.on("data", (chunk: string) => {
    output.stdout += chunk;
  });
  child.stderr?.on("data", (chunk: string) => {
    output.stderr += chunk;
  });
  const port = await waitForPort(child, packDir, output, options.startTimeoutMs ?? 60000);
  const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
    "grpc.max_receive_message_length": maxMessageBytes,
    "grpc.max_send_message_length": maxMessageBytes,
  });
  const pack = new RunningPack(port, child, client, output, options, packDir, versionOverride);
  try {
    await pack.handshake();
    await pack.configureStack();
  } catch (e) {
    await pack.close();
    throw e;
  }
  return pack;
}
