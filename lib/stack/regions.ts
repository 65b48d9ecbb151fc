/**
 * Regions. A resource's region is its own `region` property, else its provider's `region` input, else the
 * stack's `aws:region` config. Decision for unknown regions: an unknown region (a computed `region` input, or no
 * region anywhere) is judged the same as another resource's region only when both resources come from the same
 * provider; otherwise the comparison is undetermined and the policies report that it can't be verified.
 */
import type { Region } from "./model";
import { stackText, type StackText } from "../findings/message";
import { isUnknownSentinel, type PlainValue } from "./read";

/** The provider key for resources the engine sent without a provider. */
export const noProviderKey = "(no provider)";

/** Works out a resource's region from its own `region` value, its provider and the stack's region. */
export function resolveRegion(
  ownRegion: PlainValue | undefined,
  provider: { readonly urn: string | undefined; readonly region: PlainValue | undefined },
  stackRegion: string | undefined,
  secret: { readonly own: boolean; readonly provider: boolean } = { own: false, provider: false },
): Region {
  const providerKey = provider.urn ?? noProviderKey;
  if (isUnknownSentinel(ownRegion)) return { state: "unknown", providerKey };
  if (typeof ownRegion === "string" && ownRegion !== "") {
    return { state: "known", name: ownRegion, source: "resource", ...(secret.own ? { secret: true } : {}) };
  }
  if (isUnknownSentinel(provider.region)) return { state: "unknown", providerKey };
  if (typeof provider.region === "string" && provider.region !== "") {
    return { state: "known", name: provider.region, source: "provider", ...(secret.provider ? { secret: true } : {}) };
  }
  if (stackRegion !== undefined && stackRegion !== "") return { state: "known", name: stackRegion, source: "stack" };
  return { state: "unknown", providerKey };
}

/** A known region taken from an ARN. */
export function regionFromArn(name: string): Region {
  return { state: "known", name, source: "arn" };
}

/** Whether two resources are in the same region: "same", "different" or "undetermined" (see the module doc). */
export function compareRegions(a: Region, b: Region): "same" | "different" | "undetermined" {
  if (a.state === "known" && b.state === "known") return a.name === b.name ? "same" : "different";
  if (a.state === "unknown" && b.state === "unknown" && a.providerKey === b.providerKey) return "same";
  return "undetermined";
}

/** Words for a region in messages (a region the engine sent as secret prints as `[secret]`). */
export function describeRegion(region: Region): StackText | string {
  return region.state === "known" ? stackText(region.name, region.secret === true) : "an unknown region";
}

/**
 * The stack's region from the pack process environment: `PULUMI_CONFIG`'s `aws:region` (the engine passes the
 * stack config there), else `AWS_REGION`, else `AWS_DEFAULT_REGION` (what the AWS provider itself falls back to).
 */
export function stackRegionFromEnvironment(environment: NodeJS.ProcessEnv): string | undefined {
  const config = environment.PULUMI_CONFIG;
  if (config !== undefined && config !== "") {
    try {
      const parsed: unknown = JSON.parse(config);
      if (parsed !== null && typeof parsed === "object") {
        const region = (parsed as Record<string, unknown>)["aws:region"];
        if (typeof region === "string" && region !== "") return region;
      }
    } catch {
      // A malformed PULUMI_CONFIG is the engine's business; fall through to the AWS variables.
    }
  }
  return nonEmpty(environment.AWS_REGION) ?? nonEmpty(environment.AWS_DEFAULT_REGION);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
