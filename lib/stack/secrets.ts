/**
 * Which values the engine sent as secrets. Over the analyzer protocol a secret is an object carrying the
 * secret signature (`{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "value": ...}`,
 * pulumi/pulumi `sdk/go/common/resource/properties.go`, `SecretSig`), but `@pulumi/policy` unwraps secrets before
 * a stack policy sees them (`deserializeProperties(..., false)` in its server), so the pack learns them from the
 * request itself (see `secret-capture.ts`). Per resource, what matters is which top-level properties hold a secret
 * anywhere inside: every value the model reads from such a property is treated as secret (never printed).
 */

/** The key and value that mark a secret object in the engine's property values. */
export const SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

/** Whether `value` is, or holds anywhere inside, a secret-signature object. */
export function holdsSecretValue(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some(holdsSecretValue);
  const record = value as Record<string, unknown>;
  if (record[SECRET_SIGNATURE_KEY] === SECRET_SIGNATURE) return true;
  return Object.values(record).some(holdsSecretValue);
}

/** The top-level properties of a resource's property object that hold a secret. */
export function secretKeysOf(properties: unknown): ReadonlySet<string> {
  const keys = new Set<string>();
  if (properties === null || typeof properties !== "object" || Array.isArray(properties)) return keys;
  for (const [key, value] of Object.entries(properties as Record<string, unknown>)) {
    if (holdsSecretValue(value)) keys.add(key);
  }
  return keys;
}

/** What the engine sent as secret in one AnalyzeStack request: per URN, the resource's and its provider's keys. */
export interface EngineSecrets {
  readonly resources: ReadonlyMap<string, ReadonlySet<string>>;
  readonly providers: ReadonlyMap<string, ReadonlySet<string>>;
}

/** No secret anywhere (a request without secrets, or tests that send none). */
export const noSecrets: EngineSecrets = { resources: new Map(), providers: new Map() };

/**
 * Every value of every resource treated as secret: what the pack assumes when it can't tell (the policies run
 * outside an AnalyzeStack the capture saw). Nothing from the stack is printed then, only logical names.
 */
export const everythingSecret = "everything" as const;

export type SecretKnowledge = EngineSecrets | typeof everythingSecret;

/** Whether top-level property `key` of resource `urn` holds a secret. */
export function isSecretProperty(knowledge: SecretKnowledge, urn: string, key: string): boolean {
  if (knowledge === everythingSecret) return true;
  return knowledge.resources.get(urn)?.has(key) === true;
}

/** Whether property `key` of the provider `urn` holds a secret. */
export function isSecretProviderProperty(knowledge: SecretKnowledge, urn: string | undefined, key: string): boolean {
  if (knowledge === everythingSecret) return true;
  return urn !== undefined && knowledge.providers.get(urn)?.has(key) === true;
}
