/**
 * Builds `StackValidationArgs` exactly as the policy SDK (1.21.0 server.js `makeAnalyzeStackRpcFun`) does:
 * every resource's and provider's `props` wrapped in the SDK's own `unknownCheckingProxy`, unknowns as the
 * engine's sentinel strings, secrets as plain values, `propertyDependencies` and `dependencies` as resolved
 * resource objects, the root Stack and provider resources in the list, and a fresh array per policy.
 */
import * as policySdk from "@pulumi/policy";
import type { PolicyResource, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { withSecrets } from "../../lib/stack/secret-capture";
import type { EngineSecrets } from "../../lib/stack/secrets";

/** The engine's unknown sentinels (pulumi/pulumi `sdk/go/common/resource/plugin/rpc.go`). */
export const unknownValue = {
  string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  bool: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
} as const;

/** The SDK's runtime proxy (typed `any` by the package: wrapped here with a type). */
const sdkProxy: (props: object) => Record<string, unknown> = (
  policySdk as unknown as {
    unknownCheckingProxy: (props: object) => Record<string, unknown>;
  }
).unknownCheckingProxy;

/** The SDK's `UnknownValueError` class, for asserting that nothing throws it. */
export const UnknownValueError: new (...args: never[]) => Error = (
  policySdk as unknown as {
    UnknownValueError: new (...args: never[]) => Error;
  }
).UnknownValueError;

export type Props = Record<string, unknown>;

/** The engine's secret signature (pulumi/pulumi `sdk/go/common/resource/properties.go`), written out here. */
const secretSignatureKey = "4dabf18193072939515e22adb298388d";
const secretSignature = "1b47061264138c4ac30d75fd1eb44270";

/** A value the engine sends as a secret: `{ <sig key>: <sig>, value }`. The fixture hands policies the plain value. */
export function secret(value: unknown): Props {
  return { [secretSignatureKey]: secretSignature, value };
}

function isSecretObject(value: unknown): value is Props {
  return value !== null && typeof value === "object" && (value as Props)[secretSignatureKey] === secretSignature;
}

/** The value with secrets unwrapped, as `@pulumi/policy` deserializes it for stack policies. */
function unwrapSecrets(value: unknown): unknown {
  if (isSecretObject(value)) return unwrapSecrets(value.value);
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Props).map(([key, element]) => [key, unwrapSecrets(element)]));
  }
  return value;
}

/** Whether the value holds a secret anywhere. */
function containsSecret(value: unknown): boolean {
  if (isSecretObject(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecret);
  if (value !== null && typeof value === "object") return Object.values(value as Props).some(containsSecret);
  return false;
}

/** The top-level keys of `props` holding a secret. */
function secretKeysIn(props: Props): Set<string> {
  return new Set(Object.keys(props).filter((key) => containsSecret(props[key])));
}

interface ResourceSpec {
  readonly type: string;
  readonly name: string;
  readonly props: Props;
  readonly provider: string;
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

interface ProviderSpec {
  readonly type: string;
  readonly name: string;
  readonly props: Props;
}

const stackName = "dev";
const projectName = "cloudtrail";

/** The URN the engine would give a resource. */
export function urnOf(type: string, name: string): string {
  return `urn:pulumi:${stackName}::${projectName}::${type}::${name}`;
}

/** The default provider's logical name, as the engine names it. */
export const defaultProviderName = "default_7_48_0";

/** A stack under construction; `build()` returns fresh SDK-shaped resources every call. */
export class StackFixture {
  private readonly providers = new Map<string, ProviderSpec>();
  private readonly resources: ResourceSpec[] = [];

  /** `defaultRegion`: the default provider's `region` input (from stack config); `null` omits it. */
  constructor(defaultRegion: string | null = "us-east-1") {
    this.provider(defaultProviderName, defaultRegion === null ? {} : { region: defaultRegion });
  }

  /**
   * Declares an explicit provider (`new aws.Provider(name, props)`); `version` is the plugin version the engine
   * records in its props.
   */
  provider(name: string, props: Props, type = "pulumi:providers:aws", version = "7.48.0"): this {
    this.providers.set(name, { type, name, props: { ...props, version } });
    return this;
  }

  /**
   * Adds a resource. `propertyDependencies` name other resources of the fixture by logical name; `provider`
   * names a provider declared with `provider()` (default: the default provider).
   */
  add(
    type: string,
    name: string,
    props: Props,
    options: { provider?: string; propertyDependencies?: Record<string, readonly string[]> } = {},
  ): this {
    this.resources.push({
      type,
      name,
      props,
      provider: options.provider ?? defaultProviderName,
      propertyDependencies: options.propertyDependencies ?? {},
    });
    return this;
  }

  /** Replaces props of an existing resource (by logical name); `null` values delete a prop. */
  patch(name: string, patch: Props): this {
    const spec = this.resources.find((resource) => resource.name === name);
    if (spec === undefined) throw new Error(`no resource ${name} in fixture`);
    const props: Props = { ...spec.props };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete props[key];
      else props[key] = value;
    }
    this.resources[this.resources.indexOf(spec)] = { ...spec, props };
    return this;
  }

  /** Removes a resource (by logical name). */
  remove(name: string): this {
    const index = this.resources.findIndex((resource) => resource.name === name);
    if (index >= 0) this.resources.splice(index, 1);
    return this;
  }

  /** Replaces a resource's property dependencies. */
  dependOn(name: string, propertyDependencies: Record<string, readonly string[]>): this {
    const index = this.resources.findIndex((resource) => resource.name === name);
    this.resources[index] = { ...this.resources[index], propertyDependencies };
    return this;
  }

  /** Every top-level property of every resource and provider sent as a secret (the engine's worst case). */
  secretEverything(): this {
    const wrap = (props: Props): Props =>
      Object.fromEntries(Object.entries(props).map(([key, value]) => [key, secret(value)]));
    for (const [name, provider] of this.providers)
      this.providers.set(name, { ...provider, props: wrap(provider.props) });
    for (let index = 0; index < this.resources.length; index++) {
      this.resources[index] = { ...this.resources[index], props: wrap(this.resources[index].props) };
    }
    return this;
  }

  /** Every string value (at any depth) of every resource and provider, with secrets unwrapped. */
  stringValues(): string[] {
    const values: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === "string") values.push(value);
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value !== null && typeof value === "object") Object.values(value as Props).forEach(walk);
    };
    for (const provider of this.providers.values()) walk(unwrapSecrets(provider.props));
    for (const spec of this.resources) walk(unwrapSecrets(spec.props));
    return values;
  }

  /** The logical names of the resources and providers (never secret: they are part of the URN). */
  logicalNames(): string[] {
    return [...this.providers.keys(), ...this.resources.map((spec) => spec.name)];
  }

  /** What the engine sent as secret, as the pack learns it from the AnalyzeStack request. */
  secrets(): EngineSecrets {
    const resources = new Map<string, ReadonlySet<string>>();
    const providers = new Map<string, ReadonlySet<string>>();
    for (const spec of this.resources) {
      const keys = secretKeysIn(spec.props);
      if (keys.size > 0) resources.set(urnOf(spec.type, spec.name), keys);
    }
    for (const provider of this.providers.values()) {
      const keys = secretKeysIn(provider.props);
      if (keys.size > 0) providers.set(urnOf(provider.type, provider.name), keys);
    }
    return { resources, providers };
  }

  /** Fresh SDK-shaped resources: the root stack, the providers, then the resources in order. */
  build(): PolicyResource[] {
    const byName = new Map<string, PolicyResource>();
    const list: PolicyResource[] = [];
    const root = makeResource("pulumi:pulumi:Stack", `${projectName}-${stackName}`, {}, undefined);
    list.push(root);
    for (const provider of this.providers.values())
      list.push(makeResource(provider.type, provider.name, provider.props, undefined));
    for (const spec of this.resources) {
      const providerSpec = this.providers.get(spec.provider);
      const provider =
        providerSpec === undefined
          ? undefined
          : {
              type: providerSpec.type,
              name: providerSpec.name,
              urn: urnOf(providerSpec.type, providerSpec.name),
              props: sdkProxy(deepCopy(providerSpec.props)),
            };
      const resource = makeResource(spec.type, spec.name, spec.props, provider);
      resource.parent = root;
      byName.set(spec.name, resource);
      list.push(resource);
    }
    for (const spec of this.resources) {
      const resource = byName.get(spec.name) as PolicyResource;
      const dependencies = new Set<PolicyResource>();
      for (const [key, names] of Object.entries(spec.propertyDependencies)) {
        const resolved = names.map((name) => byName.get(name)).filter((r): r is PolicyResource => r !== undefined);
        if (resolved.length === 0) continue; // the engine omits empty lists
        resource.propertyDependencies[key] = resolved;
        resolved.forEach((r) => dependencies.add(r));
      }
      resource.dependencies = [...dependencies];
    }
    return list;
  }
}

/** A deep copy with secrets unwrapped (the SDK hands stack policies plain values). */
function deepCopy(props: Props): Props {
  return unwrapSecrets(JSON.parse(JSON.stringify(props))) as Props;
}

function makeResource(type: string, name: string, props: Props, provider: PolicyResource["provider"]): PolicyResource {
  const proxied = sdkProxy(deepCopy(props));
  const resource: PolicyResource = {
    type,
    name,
    urn: urnOf(type, name),
    props: proxied,
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    },
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: () => undefined,
  };
  if (provider !== undefined) resource.provider = provider;
  return resource;
}

/** A reported violation. */
export interface Reported {
  readonly message: string;
  readonly urn: string | undefined;
}

/** What `args.notApplicable` throws here; the SDK reports it as a not-applicable entry, not as a violation. */
export class NotApplicable extends Error {
  constructor(readonly reason: string) {
    super(`notApplicable: ${reason}`);
  }
}

/**
 * Runs one stack policy the way the SDK does (fresh resources, `getConfig` returning `config` or `{}`), and
 * returns what it reported; a policy that reports "not applicable" reported nothing. Rethrows whatever else the
 * policy throws.
 */
export async function runPolicy(
  policy: StackValidationPolicy,
  fixture: StackFixture,
  config: object = {},
): Promise<Reported[]> {
  const reported: Reported[] = [];
  const args: StackValidationArgs = {
    resources: fixture.build(),
    getConfig: <T extends object>() => config as T,
    stackTags: new Map(),
    notApplicable: (reason?: string): never => {
      throw new NotApplicable(reason ?? "");
    },
  };
  try {
    await withSecrets(fixture.secrets(), () =>
      policy.validateStack(args, (message, urn) => {
        reported.push({ message: typeof message === "string" ? message : String(message), urn });
      }),
    );
  } catch (error) {
    if (!(error instanceof NotApplicable)) throw error;
  }
  return reported;
}
