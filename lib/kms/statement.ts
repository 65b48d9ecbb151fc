/**
 * How far one key-policy statement reaches a service principal calling one KMS action on the key.
 *
 * The elements, as the IAM JSON policy reference defines them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html):
 * - Principal: `"*"` and `{"AWS": "*"}` are everyone; `{"Service": "cloudwatch.amazonaws.com"}` (a string or a
 *   list) is that service; an account or IAM ARN under "AWS" is an IAM principal, never a service principal. The
 *   account principal (`arn:aws:iam::111122223333:root`) in particular "doesn't give any IAM users or roles
 *   permission to use the KMS key. Instead, it allows the account to use IAM policies to delegate the permissions"
 *   (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html); a service principal is not an
 *   identity of the account that IAM policies attach to, so that statement does not reach it. "You cannot use a
 *   wildcard to match part of a principal name or ARN" (reference_policies_elements_principal.html).
 * - Action/NotAction: a string or list; "The prefix and the action name are case insensitive" and may use wildcards
 *   (reference_policies_elements_action.html); `*` matches any run of characters and `?` one character.
 * - Resource: "In a key policy, the value of the Resource element is "*", which means "this KMS key." The asterisk
 *   ("*") identifies the KMS key to which the key policy is attached."
 *   (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html).
 * - Condition: any condition depends on the request (aws:SourceAccount, kms:ViaService, ...), which is not known
 *   before deployment; a statement with one reaches the principal only "maybe".
 */

export type Reach = "yes" | "no" | "maybe";

export interface StatementReach {
  readonly effect: "Allow" | "Deny" | "malformed";
  /** Whether the statement applies to the principal, action and this key, conditions aside. */
  readonly scope: Reach;
  /** Condition keys, e.g. `StringEquals aws:SourceAccount`; empty when the statement has no condition. */
  readonly conditions: readonly string[];
  /** Why the scope is "no" or "maybe", for messages. */
  readonly why: string;
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string or a list of strings, as most policy elements allow; undefined when it is neither. */
function strings(value: Json): string[] | undefined {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  return undefined;
}

/** IAM's wildcard match, case-insensitive as for action names. */
export function iamWildcardMatch(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`, "i").test(value);
}

function combine(...reaches: Reach[]): Reach {
  if (reaches.includes("no")) return "no";
  if (reaches.includes("maybe")) return "maybe";
  return "yes";
}

/**
 * Whether a Principal value names `service`. For a Deny, doubt widens the reach (a Deny that may apply caps the
 * answer at unknown); for an Allow it narrows it (an Allow that may not apply cannot make the answer yes).
 */
function principalNames(principal: Json, service: string, deny: boolean): Reach {
  if (principal === "*") return "yes";
  if (!isObject(principal)) return "maybe";
  const reaches: Reach[] = [];
  for (const [kind, value] of Object.entries(principal)) {
    const names = strings(value);
    if (!names) {
      reaches.push("maybe");
      continue;
    }
    if (kind === "AWS") reaches.push(names.includes("*") ? "yes" : "no");
    else if (kind === "Service") reaches.push(...names.map((name) => serviceNameReach(name, service, deny)));
    else if (kind === "Federated" || kind === "CanonicalUser") reaches.push("no");
    else reaches.push("maybe");
  }
  if (reaches.includes("yes")) return "yes";
  if (reaches.includes("maybe")) return "maybe";
  return "no";
}

function serviceNameReach(name: string, service: string, deny: boolean): Reach {
  if (name === service) return "yes";
  // Neither a wildcard service nor a different letter case is documented as naming the service.
  if (name === "*" || name.toLowerCase() === service.toLowerCase()) return deny ? "yes" : "maybe";
  return "no";
}

function principalReach(
  statement: Record<string, Json>,
  service: string,
  deny: boolean,
): { reach: Reach; why: string } {
  if ("Principal" in statement) {
    const reach = principalNames(statement.Principal, service, deny);
    const why =
      reach === "no" ? `its Principal does not include ${service}` : `its Principal may not include ${service}`;
    return { reach, why };
  }
  if ("NotPrincipal" in statement) {
    if (!deny)
      return {
        reach: "maybe",
        why: "it allows through NotPrincipal, which AWS advises against and does not define for services",
      };
    const excluded = principalNames(statement.NotPrincipal, service, false);
    return {
      reach: excluded === "yes" ? "no" : excluded === "no" ? "yes" : "maybe",
      why: `its NotPrincipal excludes ${service}`,
    };
  }
  return { reach: "maybe", why: "it has no Principal" };
}

function actionReach(statement: Record<string, Json>, action: string): { reach: Reach; why: string } {
  const listed = (key: "Action" | "NotAction"): Reach => {
    const patterns = strings(statement[key]);
    if (!patterns) return "maybe";
    return patterns.some((pattern) => iamWildcardMatch(pattern, action)) ? "yes" : "no";
  };
  if ("Action" in statement) return { reach: listed("Action"), why: `its Action does not cover ${action}` };
  if ("NotAction" in statement) {
    const excluded = listed("NotAction");
    return {
      reach: excluded === "yes" ? "no" : excluded === "no" ? "yes" : "maybe",
      why: `its NotAction excludes ${action}`,
    };
  }
  return { reach: "maybe", why: "it has no Action" };
}

function resourceReach(statement: Record<string, Json>): { reach: Reach; why: string } {
  const resources = strings(statement.Resource);
  if (resources?.includes("*")) return { reach: "yes", why: "" };
  if (resources)
    return { reach: "maybe", why: "its Resource names a key ARN, and this check does not know the key's ARN" };
  if ("NotResource" in statement)
    return { reach: "maybe", why: "it uses NotResource, which this check does not evaluate" };
  return { reach: "maybe", why: "it has no Resource" };
}

function conditionKeys(condition: Json): string[] | undefined {
  if (condition === undefined) return [];
  if (!isObject(condition)) return undefined;
  const keys: string[] = [];
  for (const [operator, block] of Object.entries(condition)) {
    if (isObject(block)) keys.push(...Object.keys(block).map((key) => `${operator} ${key}`));
    else keys.push(operator);
  }
  return keys;
}

/** How one statement reaches `service` calling `action` on the key the policy is attached to. */
export function statementReach(statement: Json, service: string, action: string): StatementReach {
  if (!isObject(statement))
    return { effect: "malformed", scope: "maybe", conditions: [], why: "it is not a JSON object" };
  const effect = statement.Effect;
  if (effect !== "Allow" && effect !== "Deny") {
    return {
      effect: "malformed",
      scope: "maybe",
      conditions: [],
      why: `its Effect is ${JSON.stringify(effect)}, not "Allow" or "Deny"`,
    };
  }
  const conditions = conditionKeys(statement.Condition);
  if (!conditions) return { effect, scope: "maybe", conditions: ["Condition"], why: "its Condition is not an object" };
  const parts = [
    principalReach(statement, service, effect === "Deny"),
    actionReach(statement, action),
    resourceReach(statement),
  ];
  const scope = combine(...parts.map((part) => part.reach));
  const why = parts.find((part) => part.reach === scope)?.why ?? "";
  return { effect, scope, conditions, why: scope === "yes" ? "" : why };
}
