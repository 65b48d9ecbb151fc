/**
 * Mutations of a stack as the engine sends it, each an arbitrary of a resources -> resources function (so a
 * mutated stack is as reproducible as its plan): a value replaced by an unknown sentinel, at a leaf or a container
 * (the engine sends a value a provider computes at preview as one of `unknownSentinels`); a value sent as a secret
 * (`secretValue`) at any depth; a duplicated resource; a property of the wrong type; a missing property; a
 * resource's properties reordered; the resources shuffled; unrelated resources added; a filter pattern replaced.
 */
import fc from "fast-check";
import { defaultAdapters } from "../../lib/stack/stack";
import { secretValue, unknownSentinels, type EngineResource } from "../../tools/engine/protocol";
import { grammarPattern } from "../generators/patterns";
import { placeUnrelated, StackContext } from "../generators/stack-builder";
import type { StackPlan } from "../generators/stack-plan";
import { unrelatedPlan } from "../generators/unrelated-resources";
import { mutatedPattern } from "./patterns";

export type StackMutation = (resources: readonly EngineResource[]) => EngineResource[];

type Json = unknown;
type Path = readonly (string | number)[];

/** Every path to a value inside `value` (the value itself is `[]`), depth first. */
export function valuePaths(value: Json, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) (value as unknown[]).forEach((item, k) => paths.push(...valuePaths(item, [...prefix, k])));
  else if (value !== null && typeof value === "object")
    for (const [key, item] of Object.entries(value)) paths.push(...valuePaths(item, [...prefix, key]));
  return paths;
}

export function getAt(value: Json, path: Path): Json {
  let current = value;
  for (const step of path) current = (current as Record<string | number, Json> | undefined)?.[step];
  return current;
}

/** A copy of `value` with the value at `path` replaced by `replace(old)`, or removed when it returns `undefined`. */
export function updateAt(value: Json, path: Path, replace: (old: Json) => Json): Json {
  if (path.length === 0) return replace(value);
  const [step, ...rest] = path;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...(value as unknown[])];
    const next = updateAt(copy[step as number], rest, replace);
    if (next === undefined && rest.length === 0) copy.splice(step as number, 1);
    else copy[step as number] = next;
    return copy;
  }
  if (value !== null && typeof value === "object") {
    const copy: Record<string, Json> = { ...(value as Record<string, Json>) };
    const next = updateAt(copy[step as string], rest, replace);
    if (next === undefined && rest.length === 0) delete copy[step as string];
    else copy[step as string] = next;
    return copy;
  }
  return value;
}

const isSecretWrapper = (value: Json): boolean =>
  value !== null &&
  typeof value === "object" &&
  !Array.isArray(value) &&
  (value as Record<string, Json>)["4dabf18193072939515e22adb298388d"] !== undefined;

/** The sentinel the engine sends for a value of this kind (the string one for any kind, some of the time). */
export function sentinelFor(value: Json, anyAsString: boolean): string {
  if (anyAsString || typeof value === "string") return unknownSentinels.string;
  if (typeof value === "number") return unknownSentinels.number;
  if (typeof value === "boolean") return unknownSentinels.bool;
  if (Array.isArray(value)) return unknownSentinels.array;
  return unknownSentinels.object;
}

/** Resources that carry the stack (the root stack and providers are changed through their users' `provider`). */
const isChangeable = (resource: EngineResource): boolean =>
  resource.type !== "pulumi:pulumi:Stack" && !resource.type.startsWith("pulumi:providers:");

/** Whether a value on `path` (not the value itself) is a secret wrapper: the path leads inside a secret. */
function insideSecret(root: Json, path: Path): boolean {
  for (let k = 0; k < path.length; k++) if (isSecretWrapper(getAt(root, path.slice(0, k)))) return true;
  return false;
}

/**
 * Picks a changeable resource and one of its property paths (or its provider's, `onProvider`), from two numbers.
 * `intoSecrets`: whether the path may lead inside a secret (to its value); the engine never sends a secret without
 * its value, nor a secret inside a secret, so removing and wrapping stay outside them.
 */
function pick(
  resources: readonly EngineResource[],
  which: number,
  where: number,
  onProvider: boolean,
  intoSecrets = true,
  relevant = false,
): { index: number; path: Path; provider: boolean } | undefined {
  const candidates = resources
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => isChangeable(r) && (!relevant || defaultAdapters.has(r.type)));
  if (candidates.length === 0) return undefined;
  const { r, index } = candidates[which % candidates.length];
  const provider = onProvider && r.provider !== undefined;
  const root = provider ? r.provider?.properties : r.properties;
  // `relevant`: only the properties the pack reads for this type (its adapter's, and `region`).
  const read =
    relevant && !provider ? new Set([...(defaultAdapters.get(r.type)?.propertyNames ?? []), "region"]) : undefined;
  const paths = valuePaths(root).filter(
    (p) =>
      p.length > 0 &&
      !p.includes("4dabf18193072939515e22adb298388d") &&
      (intoSecrets || !insideSecret(root, p)) &&
      (read === undefined || read.has(String(p[0]))),
  );
  if (paths.length === 0) return undefined;
  return { index, path: paths[where % paths.length], provider };
}

/** Applies `replace` at the picked path of the picked resource (its properties, or its provider's on every user). */
function changeAt(
  resources: readonly EngineResource[],
  picked: { index: number; path: Path; provider: boolean },
  replace: (old: Json) => Json,
): EngineResource[] {
  const target = resources[picked.index];
  if (picked.provider && target.provider !== undefined) {
    const providerUrn = target.provider.urn;
    const properties = updateAt(target.provider.properties, picked.path, replace) as Record<string, unknown>;
    return resources.map((r) => {
      if (r.urn === providerUrn) return { ...r, properties };
      if (r.provider?.urn === providerUrn) return { ...r, provider: { ...r.provider, properties } };
      return r;
    });
  }
  return resources.map((r, k) =>
    k === picked.index
      ? { ...r, properties: updateAt(r.properties, picked.path, replace) as Record<string, unknown> }
      : r,
  );
}

/** Which resource and path; half the time among the properties the pack reads. */
const choice = fc.record({
  which: fc.nat(),
  where: fc.nat(),
  onProvider: fc.nat({ max: 9 }).map((n) => n === 0),
  relevant: fc.boolean(),
});

/** A known value (leaf or container) replaced by an unknown sentinel; returns undefined paths as no change. */
export const toUnknown: fc.Arbitrary<StackMutation> = fc
  .tuple(choice, fc.boolean())
  .map(([c, asString]) => (resources) => {
    const picked = pick(resources, c.which, c.where, c.onProvider, true, c.relevant);
    if (picked === undefined) return [...resources];
    return changeAt(resources, picked, (old) =>
      typeof old === "string" && Object.values(unknownSentinels).includes(old as never)
        ? old
        : sentinelFor(old, asString),
    );
  });

/**
 * A value sent as a secret. A number becomes a distinctive marker number (7,000,000 and up, which no generated
 * value uses), so the leak check can find it printed; strings already carry their `SECRET-<n>` markers.
 */
export const toSecret: fc.Arbitrary<StackMutation> = fc
  .tuple(choice, fc.nat({ max: 999_999 }))
  .map(([c, n]) => (resources) => {
    const picked = pick(resources, c.which, c.where, c.onProvider, false, c.relevant);
    if (picked === undefined) return [...resources];
    return changeAt(resources, picked, (old) =>
      isSecretWrapper(old) ? old : secretValue(typeof old === "number" ? 7_000_000 + n : old),
    );
  });

const wrongValues: readonly Json[] = [
  42,
  -1,
  0,
  1e300,
  -1e-300,
  true,
  false,
  null,
  "",
  "not-a-number",
  [],
  {},
  [1, "a", null, {}],
  { a: { b: [] } },
  "x".repeat(5000),
  "\u{1F600}\u202E\u0000",
  [unknownSentinels.string],
  { value: unknownSentinels.object },
  "arn:aws:sns:us-east-1:123456789012:",
  "arn:",
  "*",
  "true",
  "300",
  [[[[]]]],
];

/** A property of the wrong type (or an odd value of the right one). */
export const mistype: fc.Arbitrary<StackMutation> = fc
  .tuple(choice, fc.constantFrom(...wrongValues))
  .map(([c, wrong]) => (resources) => {
    const picked = pick(resources, c.which, c.where, c.onProvider, true, c.relevant);
    return picked === undefined ? [...resources] : changeAt(resources, picked, () => wrong);
  });

/** A property (or list element) left out. */
export const remove: fc.Arbitrary<StackMutation> = choice.map((c) => (resources) => {
  const picked = pick(resources, c.which, c.where, c.onProvider, false, c.relevant);
  return picked === undefined ? [...resources] : changeAt(resources, picked, () => undefined);
});

/** A resource registered twice under two names (same properties, a new URN). */
export const duplicate: fc.Arbitrary<StackMutation> = fc.nat().map((which) => (resources) => {
  const candidates = resources.filter(isChangeable);
  if (candidates.length === 0) return [...resources];
  const original = candidates[which % candidates.length];
  const name = `${original.name}-again`;
  return [...resources, { ...original, name, urn: original.urn.replace(/::[^:]+$/, `::${name}`) }];
});

/** A filter's pattern replaced by a generated or mutated one. */
export const replacePattern: fc.Arbitrary<StackMutation> = fc
  .tuple(fc.nat(), fc.oneof(grammarPattern, mutatedPattern([])))
  .map(([which, pattern]) => (resources) => {
    const filters = resources
      .map((r, k) => ({ r, k }))
      .filter(({ r }) => "pattern" in r.properties || "filterPattern" in r.properties);
    if (filters.length === 0) return [...resources];
    const { k } = filters[which % filters.length] as { k: number };
    return resources.map((r, i) =>
      i === k
        ? { ...r, properties: { ...r.properties, ["pattern" in r.properties ? "pattern" : "filterPattern"]: pattern } }
        : r,
    );
  });

/** Every top-level property of every resource and provider sent as a secret (a program marking all its outputs). */
export const secretEverywhere: fc.Arbitrary<StackMutation> = fc.constant((resources) => {
  const wrap = (properties: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(properties).map(([key, value]) => [key, isSecretWrapper(value) ? value : secretValue(value)]),
    );
  return resources.map((r) => ({
    ...r,
    properties: r.type === "pulumi:pulumi:Stack" ? r.properties : wrap(r.properties),
    ...(r.provider === undefined ? {} : { provider: { ...r.provider, properties: wrap(r.provider.properties) } }),
  }));
});

/** One random mutation. */
export const stackMutation: fc.Arbitrary<StackMutation> = fc.oneof(
  { weight: 4, arbitrary: toUnknown },
  { weight: 4, arbitrary: toSecret },
  { weight: 2, arbitrary: mistype },
  { weight: 2, arbitrary: remove },
  { weight: 1, arbitrary: duplicate },
  { weight: 2, arbitrary: replacePattern },
  { weight: 1, arbitrary: secretEverywhere },
);

/** mulberry32: a permutation from one generated number, so a shuffle is reproducible. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let k = copy.length - 1; k > 0; k--) {
    const j = Math.floor(next() * (k + 1));
    [copy[k], copy[j]] = [copy[j], copy[k]];
  }
  return copy;
}

/** The resources in another order, each resource's properties in another key order too. */
export const shuffle: fc.Arbitrary<StackMutation> = fc.nat().map(
  (seed) => (resources) =>
    shuffled(resources, seed).map((r, k) => ({
      ...r,
      properties: Object.fromEntries(shuffled(Object.entries(r.properties), seed + k)),
    })),
);

/** Unrelated resources added (with fresh markers, parented to the stack's root). */
export function addUnrelated(plan: StackPlan): fc.Arbitrary<StackMutation> {
  return fc.array(unrelatedPlan, { minLength: 1, maxLength: 4 }).map((extra) => (resources) => {
    const providers = {
      aws: providerRefOf(resources, "pulumi:providers:aws"),
      native: providerRefOf(resources, "pulumi:providers:aws-native"),
    };
    // Markers from 1,000 on: a built stack uses a few dozen, so the new ones are fresh.
    const context = new StackContext(
      plan,
      { aws: providers.aws, explicit: providers.aws, native: providers.native },
      1000,
    );
    return [...resources, ...extra.map((unrelated, k) => placeUnrelated(context, unrelated, `extra${k}`))];
  });
}

function providerRefOf(resources: readonly EngineResource[], type: string) {
  const found = resources.find((r) => r.type === type);
  const ref =
    found === undefined ? undefined : { type, urn: found.urn, name: found.name, properties: found.properties };
  return { resource: found as EngineResource, ref: ref as NonNullable<EngineResource["provider"]>, region: "" };
}
