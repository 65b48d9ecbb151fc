/**
 * What a preview engine knows about a resource type without calling its provider: which outputs the provider
 * computes at create time (unknown during a first preview), whether it auto-names the resource, and whether it
 * carries the AWS provider v7 per-resource `region`. Read from the generated `.d.ts` of the program's
 * `@pulumi/aws` (`<module>/<resource>.d.ts`: outputs of the class minus the inputs of `<Resource>Args`), with a
 * small built-in table as the fallback when the typings cannot be read.
 */
import * as fs from "fs";
import * as path from "path";

/** What the preview monitor needs to know about one resource type. */
export interface ResourceTypeInfo {
  /** Outputs the provider computes (not inputs): unknown during a first preview. */
  readonly computedOutputs: readonly string[];
  /** The property the provider fills with `<name>-<7 hex>` when the program leaves it unset, if any. */
  readonly autoNameProperty?: string;
  /** True when the auto-name must be lower case (S3 bucket names). */
  readonly autoNameLowerCase?: boolean;
  /** The property that, when set, makes the provider generate a name from a prefix (then the name is unknown). */
  readonly namePrefixProperty?: string;
  /** True when the type has the AWS provider v7 `region` argument, defaulted from the provider. */
  readonly hasRegion: boolean;
}

/** Fallback for the types the pack reads, as declared by @pulumi/aws 7.48.0. */
const builtinTypes: Record<string, ResourceTypeInfo> = {
  "aws:cloudtrail/trail:Trail": {
    computedOutputs: ["arn", "homeRegion", "tagsAll"],
    autoNameProperty: "name",
    hasRegion: true,
  },
  "aws:cloudwatch/logGroup:LogGroup": {
    computedOutputs: ["arn", "tagsAll"],
    autoNameProperty: "name",
    namePrefixProperty: "namePrefix",
    hasRegion: true,
  },
  "aws:cloudwatch/logMetricFilter:LogMetricFilter": { computedOutputs: [], autoNameProperty: "name", hasRegion: true },
  "aws:cloudwatch/metricAlarm:MetricAlarm": {
    computedOutputs: ["arn", "tagsAll"],
    autoNameProperty: "name",
    hasRegion: true,
  },
  "aws:sns/topic:Topic": {
    computedOutputs: ["arn", "beginningArchiveTime", "owner", "tagsAll"],
    autoNameProperty: "name",
    namePrefixProperty: "namePrefix",
    hasRegion: true,
  },
  "aws:sns/topicSubscription:TopicSubscription": {
    computedOutputs: ["arn", "confirmationWasAuthenticated", "ownerId", "pendingConfirmation"],
    hasRegion: true,
  },
};

const unknownType: ResourceTypeInfo = { computedOutputs: [], hasRegion: false };

/**
 * Maps a bridged type token to its typings file: `aws:cloudtrail/trail:Trail` → `cloudtrail/trail.d.ts`,
 * `aws:index/provider:Provider` → `provider.d.ts`. Returns undefined for tokens of another shape.
 */
export function typingsPathFor(typeToken: string): { file: string; className: string } | undefined {
  const match = /^[\w-]+:([\w/]+)\/(\w+):(\w+)$/.exec(typeToken);
  if (!match) return undefined;
  const [, module, file, className] = match;
  return { file: module === "index" ? `${file}.d.ts` : `${module}/${file}.d.ts`, className };
}

/** The names of the properties declared in the top-level block that starts with `header` (e.g. an interface). */
function blockProperties(
  text: string,
  header: RegExp,
  property: RegExp,
): { name: string; optional: boolean }[] | undefined {
  const start = text.search(header);
  if (start < 0) return undefined;
  const end = text.indexOf("\n}", start);
  const body = text.slice(start, end < 0 ? undefined : end);
  const out: { name: string; optional: boolean }[] = [];
  for (const line of body.split("\n")) {
    const m = property.exec(line);
    if (m) out.push({ name: m[1], optional: m[2] === "?" });
  }
  return out;
}

/** Derives a {@link ResourceTypeInfo} from the text of a generated resource `.d.ts`; undefined if it does not parse. */
export function typeInfoFromTypings(text: string, className: string): ResourceTypeInfo | undefined {
  const outputs = blockProperties(
    text,
    new RegExp(`export declare class ${className} extends pulumi\\.CustomResource`),
    /^ {4}readonly (\w+)!?: pulumi\.Output</,
  );
  const args = blockProperties(text, new RegExp(`export interface ${className}Args \\{`), /^ {4}(\w+)(\?)?: /) ?? [];
  if (!outputs) return undefined;
  const argNames = new Set(args.map((a) => a.name));
  const optionalArg = (name: string): boolean => args.some((a) => a.name === name && a.optional);
  const hasOutput = (name: string): boolean => outputs.some((o) => o.name === name);
  const isBucket = className === "Bucket" && hasOutput("bucket") && optionalArg("bucket");
  const autoNameProperty = isBucket ? "bucket" : optionalArg("name") && hasOutput("name") ? "name" : undefined;
  const prefix = autoNameProperty ? `${autoNameProperty === "bucket" ? "bucket" : "name"}Prefix` : undefined;
  return {
    computedOutputs: outputs.map((o) => o.name).filter((n) => !argNames.has(n)),
    autoNameProperty,
    autoNameLowerCase: isBucket || undefined,
    namePrefixProperty: prefix && argNames.has(prefix) ? prefix : undefined,
    hasRegion: hasOutput("region") && argNames.has("region"),
  };
}

/**
 * Returns a function that answers {@link ResourceTypeInfo} for a type token, reading the typings of the package
 * found at `packageDirs[pkg]` (e.g. `{ aws: ".../node_modules/@pulumi/aws" }`) once per type.
 */
export function typeInfoReader(
  packageDirs: Record<string, string | undefined>,
): (typeToken: string) => ResourceTypeInfo {
  const cache = new Map<string, ResourceTypeInfo>();
  return (typeToken) => {
    const cached = cache.get(typeToken);
    if (cached) return cached;
    const pkgDir = packageDirs[typeToken.split(":")[0]];
    const where = typingsPathFor(typeToken);
    let info: ResourceTypeInfo | undefined;
    if (pkgDir && where) {
      try {
        info = typeInfoFromTypings(fs.readFileSync(path.join(pkgDir, where.file), "utf8"), where.className);
      } catch {
        info = undefined;
      }
    }
    const result = info ?? builtinTypes[typeToken] ?? unknownType;
    cache.set(typeToken, result);
    return result;
  };
}
