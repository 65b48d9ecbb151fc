/**
 * Offline answers to the AWS invokes that CloudTrail programs commonly make (the Pulumi Registry's Trail example
 * calls `getCallerIdentity`, `getPartition`, `getRegion` and `iam.getPolicyDocument`). A real preview calls the
 * provider; offline there is no provider and no credentials, so:
 * - `getRegion` / `getPartition` are answered from the provider's region (exact);
 * - `iam.getPolicyDocument` is rendered locally, as the provider renders it (no AWS call is involved);
 * - `getCallerIdentity` answers a placeholder account, and lookups of existing resources by name
 *   (`sns.getTopic`, `cloudwatch.getLogGroup`, `iam.getRole`, `s3.getBucket`) answer the ARN that name has in
 *   the placeholder account. Each such answer adds a note, since its values are made up.
 * Pure: no I/O.
 */

/** The account ID offline answers use. */
export const placeholderAccount = "123456789012";

/** An answer: the invoke's result and, when it is made up, a note for the user. */
export type InvokeAnswer =
  | { readonly ok: true; readonly result: Record<string, unknown>; readonly note?: string }
  | { readonly ok: false; readonly message: string };

/** The partition of a region (`aws`, `aws-cn`, `aws-us-gov`). */
export function partitionOf(region: string): { partition: string; dnsSuffix: string } {
  if (region.startsWith("cn-")) return { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn" };
  if (region.startsWith("us-gov-")) return { partition: "aws-us-gov", dnsSuffix: "amazonaws.com" };
  return { partition: "aws", dnsSuffix: "amazonaws.com" };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function strings(value: unknown): string[] {
  return list(value).filter((v): v is string => typeof v === "string");
}

/** One value or a list, as the provider writes policy elements (a single element is a plain string). */
function oneOrMany(values: readonly string[]): string | string[] {
  return values.length === 1 ? values[0] : [...values];
}

/** `principals` / `notPrincipals` blocks → the policy's `Principal` object (type `*` → `"*"`). */
function principalsOf(blocks: unknown): unknown {
  const out: Record<string, string[]> = {};
  for (const block of list(blocks)) {
    if (block === null || typeof block !== "object") continue;
    const { type, identifiers } = block as { type?: unknown; identifiers?: unknown };
    if (typeof type !== "string") continue;
    if (type === "*") return "*";
    out[type] = [...(out[type] ?? []), ...strings(identifiers)];
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, oneOrMany(v)]));
}

/** `conditions` blocks → the policy's `Condition` object. */
function conditionsOf(blocks: unknown): Record<string, Record<string, string | string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const block of list(blocks)) {
    if (block === null || typeof block !== "object") continue;
    const { test, variable, values } = block as { test?: unknown; variable?: unknown; values?: unknown };
    if (typeof test !== "string" || typeof variable !== "string") continue;
    out[test] = { ...(out[test] ?? {}), [variable]: [...(out[test]?.[variable] ?? []), ...strings(values)] };
  }
  return Object.fromEntries(
    Object.entries(out).map(([test, vars]) => [
      test,
      Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, oneOrMany(v)])),
    ]),
  );
}

/** Renders `aws.iam.getPolicyDocument` arguments to the policy JSON, element order as the provider writes it. */
export function renderPolicyDocument(args: Record<string, unknown>): Record<string, unknown> {
  const statements = list(args.statements).map((raw) => {
    const s = (raw !== null && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    const statement: Record<string, unknown> = {};
    if (text(s.sid)) statement.Sid = s.sid;
    statement.Effect = text(s.effect) ?? "Allow";
    const elements: [string, string][] = [
      ["actions", "Action"],
      ["notActions", "NotAction"],
      ["resources", "Resource"],
      ["notResources", "NotResource"],
    ];
    for (const [arg, key] of elements) {
      const values = strings(s[arg]);
      if (values.length > 0) statement[key] = oneOrMany(values);
    }
    if (list(s.principals).length > 0) statement.Principal = principalsOf(s.principals);
    if (list(s.notPrincipals).length > 0) statement.NotPrincipal = principalsOf(s.notPrincipals);
    if (list(s.conditions).length > 0) statement.Condition = conditionsOf(s.conditions);
    return statement;
  });
  const document: Record<string, unknown> = { Version: text(args.version) ?? "2012-10-17" };
  if (text(args.policyId)) document.Id = args.policyId;
  document.Statement = statements;
  const json = JSON.stringify(document, null, 2);
  return { ...args, id: String(hashCode(json)), json, minifiedJson: JSON.stringify(document) };
}

function hashCode(value: string): number {
  let hash = 0;
  for (let i = 0; i < value.length; i++) hash = (Math.imul(31, hash) + value.charCodeAt(i)) >>> 0;
  return hash;
}

const offlineHint = "replace it with config or a literal to check this program offline";

/** The message for an invoke that only the cloud provider can answer. */
export function needsProvider(token: string): string {
  return `the invoke '${token}' needs the cloud provider, which this offline run does not call (no credentials, no network); ${offlineHint}`;
}

/**
 * Answers the invoke `token` with `args`, for a provider in `region` (`undefined` when no region is configured).
 * Tokens it does not know get an error naming the invoke.
 */
export function answerAwsInvoke(
  token: string,
  args: Record<string, unknown>,
  region: string | undefined,
): InvokeAnswer {
  const offline = `the invoke '${token}' needs the cloud provider, which this offline run does not call`;
  const where = text(args.region) ?? region;
  if (token === "aws:iam/getPolicyDocument:getPolicyDocument") {
    const unsupported = ["sourcePolicyDocuments", "overridePolicyDocuments"].filter((k) => list(args[k]).length > 0);
    if (unsupported.length > 0)
      return { ok: false, message: `${offline} to merge ${unsupported.join(" and ")}; ${offlineHint}` };
    return { ok: true, result: renderPolicyDocument(args) };
  }
  if (where === undefined) {
    return {
      ok: false,
      message: `${offline}; set the region in config (aws:region) or on the provider so it can be answered`,
    };
  }
  const { partition, dnsSuffix } = partitionOf(where);
  const account = placeholderAccount;
  const madeUp = (what: string) => `${what} was answered offline with the placeholder account ${account}`;
  switch (token) {
    case "aws:index/getRegion:getRegion":
      return {
        ok: true,
        result: { id: where, name: where, region: where, endpoint: `ec2.${where}.${dnsSuffix}`, description: where },
      };
    case "aws:index/getPartition:getPartition":
      return {
        ok: true,
        result: { id: partition, partition, dnsSuffix, reverseDnsPrefix: dnsSuffix.split(".").reverse().join(".") },
      };
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return {
        ok: true,
        result: {
          id: account,
          accountId: account,
          arn: `arn:${partition}:iam::${account}:user/offline-preview`,
          userId: "AIDAOFFLINEPREVIEW0000",
        },
        note: madeUp("aws.getCallerIdentity"),
      };
  }
  const name = text(args.name);
  if (name === undefined) return { ok: false, message: needsProvider(token) };
  switch (token) {
    case "aws:sns/getTopic:getTopic": {
      const arn = `arn:${partition}:sns:${where}:${account}:${name}`;
      return {
        ok: true,
        result: { id: arn, arn, name, region: where, tags: {} },
        note: madeUp(`aws.sns.getTopic("${name}")`),
      };
    }
    case "aws:cloudwatch/getLogGroup:getLogGroup": {
      const arn = `arn:${partition}:logs:${where}:${account}:log-group:${name}`;
      return {
        ok: true,
        result: {
          id: name,
          arn,
          name,
          region: where,
          creationTime: 0,
          kmsKeyId: "",
          logGroupClass: "STANDARD",
          retentionInDays: 0,
          tags: {},
        },
        note: madeUp(`aws.cloudwatch.getLogGroup("${name}")`),
      };
    }
    case "aws:iam/getRole:getRole": {
      const arn = `arn:${partition}:iam::${account}:role/${name}`;
      return {
        ok: true,
        result: { id: name, arn, name, path: "/", uniqueId: "AROAOFFLINEPREVIEW000", tags: {} },
        note: madeUp(`aws.iam.getRole("${name}")`),
      };
    }
  }
  return { ok: false, message: needsProvider(token) };
}
