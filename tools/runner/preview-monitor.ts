/**
 * An in-process resource monitor that answers the real `@pulumi/pulumi` runtime the way the engine answers a first
 * `pulumi preview`: every registration is recorded in full (type, name, parent, provider, dependencies,
 * property dependencies, inputs with unknowns and secrets, options), and the response carries what the provider
 * would plan: the inputs, an auto-generated name, the provider's `region`, and the computed outputs (`id`, `arn`,
 * ...) as unknowns. Default providers are created the way the engine creates them
 * (`pulumi:providers:<pkg>::default_<version>` with the stack's `<pkg>:*` config as inputs).
 *
 * It runs inside the child process; `protos` are the message classes of the runtime copy the program uses.
 */
import * as crypto from "crypto";
import type * as resproto from "@pulumi/pulumi/proto/resource_pb";
import type * as provproto from "@pulumi/pulumi/proto/provider_pb";
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { Registration, RegistrationOptions } from "./child-protocol";
import { secretSignature, secretValue, specialSignatureKey, unknownSentinels } from "../engine/protocol";
import { answerAwsInvoke, needsProvider } from "./offline-invokes";
import type { ResourceTypeInfo } from "./provider-types";

export { partitionOf } from "./offline-invokes";

/** The unknown string sentinel of the wire protocol. */
export const unknownString: string = unknownSentinels.string;

/** The message classes the monitor needs, taken from the runtime copy the program uses. */
export interface MonitorProtos {
  readonly RegisterResourceResponse: new () => resproto.RegisterResourceResponse;
  readonly ReadResourceResponse: new () => resproto.ReadResourceResponse;
  readonly InvokeResponse: new () => provproto.InvokeResponse;
  readonly Struct: { fromJavaScript(value: Record<string, unknown>): Struct };
}

/** Everything the monitor knows about the stack. */
export interface MonitorContext {
  readonly project: string;
  readonly stack: string;
  /** Stack config as `ns:key` → string (secure values are the unknown sentinel). */
  readonly config: Record<string, string>;
  readonly typeInfo: (typeToken: string) => ResourceTypeInfo;
  /** Seven lower-case hex characters for an auto-name (injected so tests can fix it). */
  readonly randomSuffix?: () => string;
}

type Callback<T> = (err: Error | null, response?: T) => void;

/** The error shape the runtime expects from a failed monitor call (it shows `details`). */
function monitorError(message: string): Error {
  return Object.assign(new Error(message), { details: message, code: 2 });
}

/** True for a provider resource type token (`pulumi:providers:aws`). */
export function isProviderType(type: string): boolean {
  return type.startsWith("pulumi:providers:");
}

/** Builds a URN the way the engine does: the parent's type is prefixed with `$` to the child's type. */
export function makeUrn(
  stack: string,
  project: string,
  parentUrn: string | undefined,
  type: string,
  name: string,
): string {
  let qualified = type;
  if (parentUrn) {
    const parentQualified = parentUrn.split("::")[2] ?? "";
    const parentType = parentQualified.split("$").pop() ?? "";
    if (parentType !== "pulumi:pulumi:Stack") qualified = `${parentQualified}$${type}`;
  }
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** Splits a provider reference `urn::id` into its URN (everything before the last `::`). */
export function providerRefUrn(ref: string): string {
  const at = ref.lastIndexOf("::");
  return at < 0 ? ref : ref.slice(0, at);
}

/** The name the engine gives a default provider: `default_7_48_0`, or `default` without a version. */
export function defaultProviderName(version: string): string {
  return version ? `default_${version.replace(/[.+-]/g, "_")}` : "default";
}

/** The inputs of a default provider: the stack's `<pkg>:*` config without the prefix, plus `version`. */
export function defaultProviderInputs(
  pkg: string,
  config: Record<string, string>,
  version: string,
): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (key.startsWith(`${pkg}:`)) inputs[key.slice(pkg.length + 1)] = value;
  }
  if (version) inputs.version = version;
  return inputs;
}

function isSecretValue(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[specialSignatureKey] === secretSignature
  );
}

/** A protobuf Struct (possibly absent) as a plain object. */
function structObject(struct: Struct | undefined): Record<string, unknown> {
  return struct?.toJavaScript() ?? {};
}

/**
 * The outputs a preview plans for a new custom resource: the inputs, plus the auto-name, the region from the
 * provider (AWS v7), and every computed output (and `id`) as unknown. Pure.
 */
export function plannedOutputs(
  inputs: Record<string, unknown>,
  info: ResourceTypeInfo,
  resourceName: string,
  providerInputs: Record<string, unknown> | undefined,
  randomSuffix: () => string,
  additionalSecretOutputs: readonly string[] = [],
): Record<string, unknown> {
  const outputs: Record<string, unknown> = { ...inputs };
  const nameProp = info.autoNameProperty;
  if (nameProp && outputs[nameProp] === undefined) {
    const prefixed = info.namePrefixProperty !== undefined && outputs[info.namePrefixProperty] !== undefined;
    const generated = `${resourceName}-${randomSuffix()}`;
    outputs[nameProp] = prefixed ? unknownString : info.autoNameLowerCase ? generated.toLowerCase() : generated;
  }
  if (info.hasRegion && outputs.region === undefined) {
    const region = providerInputs?.region;
    outputs.region = typeof region === "string" || isSecretValue(region) ? region : unknownString;
  }
  for (const key of ["id", ...info.computedOutputs]) {
    if (outputs[key] === undefined) outputs[key] = unknownString;
  }
  for (const key of additionalSecretOutputs) {
    if (outputs[key] !== undefined && !isSecretValue(outputs[key])) outputs[key] = secretValue(outputs[key]);
  }
  return outputs;
}

function randomHex7(): string {
  return crypto.randomBytes(4).toString("hex").slice(0, 7);
}

/** The features this monitor claims, as the runtime asks for them. */
const supportedFeatures = new Set(["secrets"]);

/** See the module comment. */
export class PreviewMonitor {
  private readonly registrations: Registration[] = [];
  private readonly byUrn = new Map<string, Registration>();
  private readonly defaultProviderRefs = new Map<string, string>();
  private readonly randomSuffix: () => string;
  private readonly madeUp = new Set<string>();

  constructor(
    private readonly context: MonitorContext,
    private readonly protos: MonitorProtos,
  ) {
    this.randomSuffix = context.randomSuffix ?? randomHex7;
  }

  /** Every resource recorded so far, in registration order (default providers before their first user). */
  recorded(): Registration[] {
    return this.registrations.slice();
  }

  private record(registration: Registration): void {
    this.registrations.push(registration);
    this.byUrn.set(registration.urn, registration);
  }

  /** The reference `urn::id` of the default provider for `pkg@version`, created on first use. */
  private defaultProviderRef(pkg: string, version: string): string {
    const key = `${pkg}@${version}`;
    const existing = this.defaultProviderRefs.get(key);
    if (existing) return existing;
    const { project, stack, config } = this.context;
    const type = `pulumi:providers:${pkg}`;
    const name = defaultProviderName(version);
    const inputs = defaultProviderInputs(pkg, config, version);
    const urn = makeUrn(stack, project, undefined, type, name);
    this.record({
      urn,
      type,
      name,
      custom: true,
      dependencies: [],
      propertyDependencies: {},
      inputs,
      outputs: { ...inputs },
      options: {},
    });
    const ref = `${urn}::${unknownString}`;
    this.defaultProviderRefs.set(key, ref);
    return ref;
  }

  /** The provider reference a custom resource of `type` uses: its explicit one or the package's default. */
  private providerRefFor(type: string, custom: boolean, explicitRef: string, version: string): string | undefined {
    if (explicitRef) return explicitRef;
    const pkg = type.split(":")[0];
    if (!custom || isProviderType(type) || pkg === "pulumi") return undefined;
    return this.defaultProviderRef(pkg, version);
  }

  private providerInputs(ref: string | undefined): Record<string, unknown> | undefined {
    return ref ? this.byUrn.get(providerRefUrn(ref))?.inputs : undefined;
  }

  private outputsFor(
    type: string,
    name: string,
    custom: boolean,
    inputs: Record<string, unknown>,
    providerRef: string | undefined,
    secretOutputs: string[],
  ): Record<string, unknown> {
    if (!custom) return {};
    if (isProviderType(type)) return { ...inputs };
    return plannedOutputs(
      inputs,
      this.context.typeInfo(type),
      name,
      this.providerInputs(providerRef),
      this.randomSuffix,
      secretOutputs,
    );
  }

  /** RegisterResource: record the request and answer with the planned outputs. */
  registerResource(req: resproto.RegisterResourceRequest, callback: Callback<resproto.RegisterResourceResponse>): void {
    try {
      const type = req.getType();
      const name = req.getName();
      const parent = req.getParent() || undefined;
      const custom = req.getCustom();
      const urn = makeUrn(this.context.stack, this.context.project, parent, type, name);
      if (this.byUrn.has(urn)) throw monitorError(`Duplicate resource URN '${urn}'; try giving it a unique name`);
      const inputs = structObject(req.getObject());
      const provider = this.providerRefFor(type, custom, req.getProvider(), req.getVersion());
      const options = registrationOptions(req);
      const outputs = this.outputsFor(type, name, custom, inputs, provider, options.additionalSecretOutputs ?? []);
      const propertyDependencies: Record<string, string[]> = {};
      req.getPropertydependenciesMap().forEach((deps, key) => {
        const urns = deps.getUrnsList();
        if (urns.length > 0) propertyDependencies[key] = urns.slice();
      });
      this.record({
        urn,
        type,
        name,
        custom,
        parent,
        provider,
        dependencies: req.getDependenciesList().slice(),
        propertyDependencies,
        inputs,
        outputs,
        options,
      });
      const response = new this.protos.RegisterResourceResponse();
      response.setUrn(urn);
      response.setId("");
      response.setObject(this.protos.Struct.fromJavaScript(outputs));
      callback(null, response);
    } catch (err) {
      callback(err instanceof Error ? err : monitorError(String(err)));
    }
  }

  /** RegisterResourceOutputs: the outputs of a component or of the stack. */
  registerResourceOutputs(req: resproto.RegisterResourceOutputsRequest, callback: Callback<object>): void {
    const registration = this.byUrn.get(req.getUrn());
    if (registration) registration.outputs = structObject(req.getOutputs());
    callback(null, {});
  }

  /** ReadResource (`Resource.get`): a preview reads real state, which is out of reach here: every output is unknown. */
  readResource(req: resproto.ReadResourceRequest, callback: Callback<resproto.ReadResourceResponse>): void {
    try {
      const type = req.getType();
      const name = req.getName();
      const parent = req.getParent() || undefined;
      const urn = makeUrn(this.context.stack, this.context.project, parent, type, name);
      const inputs = structObject(req.getProperties());
      const provider = this.providerRefFor(type, true, req.getProvider(), req.getVersion());
      const outputs: Record<string, unknown> = { ...inputs, id: req.getId() };
      if (type === "pulumi:pulumi:StackReference") {
        this.madeUp.add(
          `stack reference "${req.getId() || name}": a real preview reads its outputs, this offline run can't, so values taken from it are unknown here`,
        );
      }
      for (const key of this.context.typeInfo(type).computedOutputs) outputs[key] ??= unknownString;
      this.record({
        urn,
        type,
        name,
        custom: true,
        parent,
        provider,
        dependencies: req.getDependenciesList().slice(),
        propertyDependencies: {},
        inputs,
        outputs,
        options: {},
        read: true,
      });
      const response = new this.protos.ReadResourceResponse();
      response.setUrn(urn);
      response.setProperties(this.protos.Struct.fromJavaScript(outputs));
      callback(null, response);
    } catch (err) {
      callback(err instanceof Error ? err : monitorError(String(err)));
    }
  }

  /**
   * Invoke: answered offline where possible (region, partition, policy documents; account and lookups by name
   * with a placeholder account, noted); anything else fails clearly. See `offline-invokes.ts`.
   */
  invoke(req: resproto.ResourceInvokeRequest, callback: Callback<provproto.InvokeResponse>): void {
    const token = req.getTok();
    const args = structObject(req.getArgs());
    const answer = this.answerInvoke(token, args, req.getProvider(), req.getVersion());
    if (typeof answer === "string") {
      callback(monitorError(answer));
      return;
    }
    const response = new this.protos.InvokeResponse();
    response.setReturn(this.protos.Struct.fromJavaScript(answer));
    callback(null, response);
  }

  /** Notes on what the run had to make up (placeholder account IDs), each once. */
  notes(): string[] {
    return [...this.madeUp];
  }

  private answerInvoke(
    token: string,
    args: Record<string, unknown>,
    providerRef: string,
    version: string,
  ): Record<string, unknown> | string {
    const pkg = token.split(":")[0];
    if (pkg !== "aws") return needsProvider(token);
    const ref = providerRef || this.defaultProviderRef(pkg, version);
    const region = this.providerInputs(ref)?.region;
    const answer = answerAwsInvoke(
      token,
      args,
      typeof region === "string" && region !== unknownString && region !== "" ? region : undefined,
    );
    if (!answer.ok) return answer.message;
    if (answer.note !== undefined) this.madeUp.add(answer.note);
    return answer.result;
  }

  /** Call (methods on components): not available offline. */
  call(req: { getTok(): string }, callback: Callback<never>): void {
    callback(monitorError(`the call '${req.getTok()}' needs the cloud provider, which this offline run does not call`));
  }

  /** SupportsFeature: secrets only (no output values, no resource references: they are downgraded to IDs/URNs). */
  supportsFeature(req: resproto.SupportsFeatureRequest, callback: Callback<{ getHassupport(): boolean }>): void {
    const supported = supportedFeatures.has(req.getId());
    callback(null, { getHassupport: () => supported });
  }

  /** RegisterPackage (parameterized packages): a fixed reference. */
  registerPackage(_req: unknown, callback: Callback<{ getRef(): string }>): void {
    callback(null, { getRef: () => "offline-package-ref" });
  }

  /** SignalAndWaitForShutdown: nothing to wait for. */
  signalAndWaitForShutdown(_req: unknown, callback: Callback<object>): void {
    callback(null, {});
  }
}

/** The resource options of a registration request, as the engine forwards them to the pack. */
function registrationOptions(req: resproto.RegisterResourceRequest): RegistrationOptions {
  const options: RegistrationOptions = {};
  if (req.getProtect()) options.protect = true;
  if (req.getIgnorechangesList().length > 0) options.ignoreChanges = req.getIgnorechangesList().slice();
  if (req.getDeletebeforereplace()) options.deleteBeforeReplace = true;
  if (req.getAliasurnsList().length > 0) options.aliases = req.getAliasurnsList().slice();
  if (req.getAdditionalsecretoutputsList().length > 0)
    options.additionalSecretOutputs = req.getAdditionalsecretoutputsList().slice();
  const timeouts = req.getCustomtimeouts();
  if (timeouts && (timeouts.getCreate() || timeouts.getUpdate() || timeouts.getDelete())) {
    options.customTimeouts = {
      create: timeouts.getCreate(),
      update: timeouts.getUpdate(),
      delete: timeouts.getDelete(),
    };
  }
  return options;
}
