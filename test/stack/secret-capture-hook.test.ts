/**
 * The secret capture's hook, in-process: `installSecretCapture` wraps the AnalyzeStack handler that `@pulumi/policy`
 * registers with `@grpc/grpc-js`'s `Server.prototype.addService` (@pulumi/policy server.js, `serve`: one
 * `server.addService(analyzerrpc.AnalyzerService, { analyzeStack: ... })`), so that the SDK's handler runs with the
 * request's secrets as `currentSecrets()`. Here the registration is driven by hand: `addService` is replaced by a
 * recorder before the hook is installed, so the hook wraps the recorder, and no server is started. The end-to-end
 * path (the compiled pack served over gRPC) is test/engine's.
 *
 * The hook's state (installed once per process, the request's context) lives in the module, so every test loads the
 * module and gRPC afresh.
 */
import * as path from "path";
import type * as SecretCapture from "../../lib/stack/secret-capture";
import type { AnalyzerResourceMessage } from "../../lib/stack/secret-capture";
import type { EngineSecrets } from "../../lib/stack/secrets";

type Handler = (call: { request: unknown }, callback: unknown) => unknown;
type Service = Record<string, { path?: string }>;
type Implementation = Record<string, unknown>;

interface Registration {
  readonly server: unknown;
  readonly service: Service;
  readonly implementation: Implementation;
}

interface Loaded {
  readonly capture: typeof SecretCapture;
  readonly prototype: { addService: (service: Service, implementation: Implementation) => void };
  /** What reached the `addService` the hook wraps. */
  readonly registrations: Registration[];
}

/** The module and gRPC loaded afresh, gRPC's `addService` replaced by a recorder (the hook is not installed yet). */
function load(): Loaded {
  // A fresh registry for the whole test (not jest.isolateModules, whose registry ends with its callback: the hook
  // requires gRPC when it is installed, and must get the copy the test holds).
  jest.resetModules();
  // Required, not imported: each test needs its own copy of the module's once-per-process state.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const capture = require("../../lib/stack/secret-capture") as typeof SecretCapture;
  // The copy of @grpc/grpc-js that @pulumi/policy loads (the hook resolves it from the SDK's folder).
  const policyFolder = path.dirname(require.resolve("@pulumi/policy/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const grpc = require(require.resolve("@grpc/grpc-js", { paths: [policyFolder] })) as {
    Server: { prototype: Loaded["prototype"] };
  };
  const registrations: Registration[] = [];
  grpc.Server.prototype.addService = function addService(this: unknown, service, implementation) {
    registrations.push({ server: this, service, implementation });
  };
  return { capture, prototype: grpc.Server.prototype, registrations };
}

const ANALYZE_STACK = "/pulumirpc.Analyzer/AnalyzeStack";
/** The analyzer service's methods as grpc-js service definitions name them (pulumi/pulumi proto/pulumi/analyzer.proto). */
const analyzerService: Service = {
  analyze: { path: "/pulumirpc.Analyzer/Analyze" },
  analyzeStack: { path: ANALYZE_STACK },
  getPluginInfo: { path: "/pulumirpc.Analyzer/GetPluginInfo" },
};

/**
 * A value the engine sends as a secret, its signature written out (pulumi/pulumi sdk/go/common/resource/properties.go,
 * `SecretSig`), not taken from the module under test: a wrong signature there must fail here.
 */
const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });
const alarmType = "aws:cloudwatch/metricAlarm:MetricAlarm";

/** An AnalyzeStack request as google-protobuf decodes it; counts how often resource properties are converted. */
function request(resources: ReadonlyArray<{ type: string; urn: string; properties: Record<string, unknown> }>) {
  const counted = { conversions: 0 };
  const messages: AnalyzerResourceMessage[] = resources.map((resource) => ({
    getType: () => resource.type,
    getUrn: () => resource.urn,
    getProperties: () => ({ toJavaScript: () => (counted.conversions++, resource.properties) }),
    getProvider: () => undefined,
  }));
  return { request: { getResourcesList: () => messages }, counted };
}

/** The AnalyzeStack handler the recorder received, as the gRPC server would call it. */
function registeredHandler(registration: Registration): Handler {
  const handler = registration.implementation.analyzeStack;
  if (typeof handler !== "function") throw new Error("no analyzeStack handler registered");
  return handler as Handler;
}

function keysOf(knowledge: ReturnType<typeof SecretCapture.currentSecrets>, urn: string): string[] | "everything" {
  return knowledge === "everything" ? knowledge : [...(knowledge.resources.get(urn) ?? [])].sort();
}

describe("currentSecrets and withSecrets", () => {
  test("outside a request every value is secret", () => {
    expect(load().capture.currentSecrets()).toBe("everything");
  });

  test("inside withSecrets, the given secrets; the function's result is returned; outside again, everything", () => {
    const { capture } = load();
    const secrets: EngineSecrets = { resources: new Map([["urn:a", new Set(["period"])]]), providers: new Map() };
    expect(capture.withSecrets(secrets, () => capture.currentSecrets())).toBe(secrets);
    expect(capture.withSecrets(secrets, () => 42)).toBe(42);
    expect(capture.currentSecrets()).toBe("everything");
  });
});

describe("installSecretCapture", () => {
  test("wraps the AnalyzeStack handler: the SDK's handler runs with the request's secrets, and its result is returned", () => {
    const { capture, prototype, registrations } = load();
    expect(capture.installSecretCapture()).toBe(true);
    const seen: Array<ReturnType<typeof capture.currentSecrets>> = [];
    const callback = () => undefined;
    const calls: unknown[][] = [];
    const analyzeStack: Handler = (call, cb) => {
      calls.push([call, cb]);
      seen.push(capture.currentSecrets());
      return "the SDK's result";
    };
    const server = { name: "the server" };
    prototype.addService.call(server, analyzerService, { analyzeStack, analyze: "kept" });

    expect(registrations).toHaveLength(1);
    const [registration] = registrations;
    expect(registration.server).toBe(server);
    expect(registration.service).toBe(analyzerService);
    expect(registration.implementation.analyze).toBe("kept");
    expect(registration.implementation.analyzeStack).not.toBe(analyzeStack);

    const { request: analyzeRequest } = request([
      { type: alarmType, urn: "urn:alarm", properties: { period: secret(300), name: "plain" } },
    ]);
    const call = { request: analyzeRequest };
    expect(registeredHandler(registration)(call, callback)).toBe("the SDK's result");
    expect(calls).toEqual([[call, callback]]);
    expect(calls[0][0]).toBe(call);
    expect(seen).toHaveLength(1);
    expect(keysOf(seen[0], "urn:alarm")).toEqual(["period"]);
    // The context ends with the request.
    expect(capture.currentSecrets()).toBe("everything");
  });

  test("reads only the resource types it is given", () => {
    const { capture, prototype, registrations } = load();
    capture.installSecretCapture((type) => type === alarmType);
    let seen: ReturnType<typeof capture.currentSecrets> | undefined;
    prototype.addService(analyzerService, { analyzeStack: () => (seen = capture.currentSecrets()) });
    const { request: analyzeRequest, counted } = request([
      { type: "aws:lambda/function:Function", urn: "urn:f", properties: { environment: secret({}) } },
      { type: alarmType, urn: "urn:alarm", properties: { period: secret(300) } },
    ]);
    registeredHandler(registrations[0])({ request: analyzeRequest }, undefined);
    expect(counted.conversions).toBe(1);
    expect(keysOf(seen ?? "everything", "urn:f")).toEqual([]);
    expect(keysOf(seen ?? "everything", "urn:alarm")).toEqual(["period"]);
  });

  test("concurrent requests each see their own secrets", async () => {
    const { capture, prototype, registrations } = load();
    capture.installSecretCapture();
    const analyzeStack: Handler = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return keysOf(capture.currentSecrets(), "urn:alarm");
    };
    prototype.addService(analyzerService, { analyzeStack });
    const handler = registeredHandler(registrations[0]);
    const first = request([{ type: alarmType, urn: "urn:alarm", properties: { period: secret(300) } }]);
    const second = request([{ type: alarmType, urn: "urn:alarm", properties: { threshold: secret(1) } }]);
    const results = await Promise.all([
      handler({ request: first.request }, undefined),
      handler({ request: second.request }, undefined),
    ]);
    expect(results).toEqual([["period"], ["threshold"]]);
  });

  test("a request it cannot read runs the handler with every value secret", () => {
    const { capture, prototype, registrations } = load();
    capture.installSecretCapture();
    let seen: ReturnType<typeof capture.currentSecrets> | undefined;
    prototype.addService(analyzerService, { analyzeStack: () => (seen = capture.currentSecrets()) });
    const unreadable = {
      getResourcesList: () => {
        throw new Error("not an AnalyzeStackRequest");
      },
    };
    expect(registeredHandler(registrations[0])({ request: unreadable }, undefined)).toBe("everything");
    expect(seen).toBe("everything");
  });

  test("a service without AnalyzeStack, or without a handler for it, is registered as it is", () => {
    const { capture, prototype, registrations } = load();
    capture.installSecretCapture();
    const other: Service = { check: { path: "/pulumirpc.ResourceProvider/Check" }, noPath: {} };
    const otherImplementation = { check: () => undefined };
    prototype.addService(other, otherImplementation);
    const withoutHandler = { analyzeStack: "not a function" };
    prototype.addService(analyzerService, withoutHandler);
    expect(registrations.map((r) => [r.service, r.implementation])).toEqual([
      [other, otherImplementation],
      [analyzerService, withoutHandler],
    ]);
    expect(registrations[0].implementation).toBe(otherImplementation);
    expect(registrations[1].implementation).toBe(withoutHandler);
  });

  test("installs once: a second call keeps the first hook and says it is in place", () => {
    const { capture, prototype, registrations } = load();
    expect(capture.installSecretCapture()).toBe(true);
    const hooked = prototype.addService;
    expect(capture.installSecretCapture((type) => type !== alarmType)).toBe(true);
    expect(prototype.addService).toBe(hooked);
    // One conversion per resource: the handler is wrapped once, with the first call's (every) type.
    prototype.addService(analyzerService, { analyzeStack: () => keysOf(capture.currentSecrets(), "urn:alarm") });
    const { request: analyzeRequest, counted } = request([
      { type: alarmType, urn: "urn:alarm", properties: { period: secret(300) } },
    ]);
    expect(registeredHandler(registrations[0])({ request: analyzeRequest }, undefined)).toEqual(["period"]);
    expect(counted.conversions).toBe(1);
  });

  test("when gRPC cannot be patched it says so, and a later call can still install", () => {
    const { capture, prototype } = load();
    const recorder = prototype.addService;
    Object.defineProperty(prototype, "addService", { value: recorder, writable: false, configurable: true });
    expect(capture.installSecretCapture()).toBe(false);
    expect(prototype.addService).toBe(recorder);
    Object.defineProperty(prototype, "addService", { value: recorder, writable: true, configurable: true });
    expect(capture.installSecretCapture()).toBe(true);
    expect(prototype.addService).not.toBe(recorder);
  });
});
