/**
 * Learning which values the engine sent as secrets. `@pulumi/policy` unwraps secrets before a stack policy sees
 * them, so the pack reads the AnalyzeStack request itself: before the SDK starts its gRPC server, the pack wraps
 * the `analyzeStack` handler the SDK registers with `@grpc/grpc-js`'s `Server.addService` (the same module the SDK
 * loads, resolved from `@pulumi/policy`'s own folder), notes the secret properties of every resource and provider
 * of the request, and runs the SDK's handler inside an `AsyncLocalStorage` context holding them, so concurrent
 * requests never see each other's. The stack policies read that context (`currentSecrets`).
 *
 * Only the resources the pack reads (those it has an adapter for) and their providers are looked at: the pack prints
 * nothing of any other resource, and converting every resource's properties once more would add to the SDK's own
 * conversion, which it already does once per stack policy (@pulumi/policy server.js, `makeAnalyzeStackRpcFun`).
 *
 * If the hook could not be installed, or a policy runs outside a request the hook saw, the pack can't tell a
 * secret from a plain value and treats every stack value as secret (`everythingSecret`): it then prints logical
 * names only. An engine-protocol test fails if the knowledge is lost (a plain value would print as [secret]).
 */
import { AsyncLocalStorage } from "async_hooks";
import * as path from "path";
import { everythingSecret, secretKeysOf, type EngineSecrets, type SecretKnowledge } from "./secrets";

const storage = new AsyncLocalStorage<EngineSecrets>();

/** The gRPC method path of AnalyzeStack (pulumi/pulumi `proto/pulumi/analyzer.proto`, service pulumirpc.Analyzer). */
export const ANALYZE_STACK_PATH = "/pulumirpc.Analyzer/AnalyzeStack";

/** The parts of an `AnalyzerResource` message read here. */
export interface AnalyzerResourceMessage {
  getType(): string;
  getUrn(): string;
  getProperties(): { toJavaScript(): unknown } | undefined;
  getProvider(): { getUrn(): string; getProperties(): { toJavaScript(): unknown } | undefined } | undefined;
}

/** Which resource types the pack reads (default: every type). */
export type ReadsType = (type: string) => boolean;

const everyType: ReadsType = () => true;

/**
 * The secret properties of the resources of an AnalyzeStack request whose type `reads` accepts, and of their
 * providers (each provider once, however many resources name it).
 */
export function secretsOfRequest(
  request: { getResourcesList(): readonly AnalyzerResourceMessage[] },
  reads: ReadsType = everyType,
): EngineSecrets {
  const resources = new Map<string, ReadonlySet<string>>();
  const providers = new Map<string, ReadonlySet<string>>();
  const providersSeen = new Set<string>();
  for (const resource of request.getResourcesList()) {
    if (!reads(resource.getType())) continue;
    const keys = secretKeysOf(resource.getProperties()?.toJavaScript());
    if (keys.size > 0) resources.set(resource.getUrn(), keys);
    const provider = resource.getProvider();
    if (provider === undefined || providersSeen.has(provider.getUrn())) continue;
    providersSeen.add(provider.getUrn());
    const providerKeys = secretKeysOf(provider.getProperties()?.toJavaScript());
    if (providerKeys.size > 0) providers.set(provider.getUrn(), providerKeys);
  }
  return { resources, providers };
}

/** What the pack knows of the current request's secrets (everything is secret outside a known request). */
export function currentSecrets(): SecretKnowledge {
  return storage.getStore() ?? everythingSecret;
}

/** Runs `fn` with `secrets` as the current request's (tests run policies in-process this way). */
export function withSecrets<T>(secrets: EngineSecrets, fn: () => T): T {
  return storage.run(secrets, fn);
}

type Handler = (call: { request: unknown }, callback: unknown) => unknown;

let installed = false;

/**
 * Wraps the AnalyzeStack handler of every gRPC service registered from now on, noting the secrets of the resources
 * whose type `reads` accepts. Call before `new PolicyPack(...)`. Returns whether the hook is in place (false: the
 * SDK's gRPC module could not be found or patched).
 */
export function installSecretCapture(reads: ReadsType = everyType): boolean {
  if (installed) return true;
  try {
    const policyFolder = path.dirname(require.resolve("@pulumi/policy/package.json"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [policyFolder] })) as {
      Server: {
        prototype: {
          addService(service: Record<string, { path?: string }>, implementation: Record<string, Handler>): void;
        };
      };
    };
    // Kept to be called with the server as `this` (`original.call(this, ...)` below).
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const original = grpc.Server.prototype.addService;
    grpc.Server.prototype.addService = function addService(service, implementation) {
      const methodName = Object.keys(service).find((name) => service[name]?.path === ANALYZE_STACK_PATH);
      const handler = methodName === undefined ? undefined : implementation[methodName];
      if (methodName === undefined || typeof handler !== "function") {
        original.call(this, service, implementation);
        return;
      }
      const wrapped: Handler = (call, callback) => {
        let secrets: EngineSecrets | undefined;
        try {
          secrets = secretsOfRequest(call.request as { getResourcesList(): readonly AnalyzerResourceMessage[] }, reads);
        } catch {
          secrets = undefined; // Unreadable: policies then treat every value as secret.
        }
        return secrets === undefined ? handler(call, callback) : storage.run(secrets, () => handler(call, callback));
      };
      original.call(this, service, { ...implementation, [methodName]: wrapped });
    };
    installed = true;
  } catch {
    installed = false;
  }
  return installed;
}
