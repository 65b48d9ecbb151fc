/** Valid patterns of every kind, shared by the printer and property tests, and tree comparison helpers. */
import type { FilterPattern } from "../../lib/filter-pattern";

export const PATTERN_CORPUS: readonly string[] = [
  "",
  "ERROR",
  '"[ERROR]" Exception',
  '"ERROR" - "Exiting"',
  "?ERROR ?WARN",
  "?ERROR ?ARGUMENTS REQUEST",
  '"say \\"hi\\"" -"x y"',
  "%AUTHORIZED%",
  "%^starting|^initializing|^shutting down%",
  "%\\d{1,3}\\.\\d{,3}[a-z]+%",
  "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
  "{($.eventName=CreateTrail)||($.eventName=UpdateTrail)||($.eventName=DeleteTrail)||($.eventName=StartLogging)||($.eventName=StopLogging)}",
  '{ ($.eventName = "CreateTrail") || ($.eventName = "UpdateTrail") }',
  "{($.eventSource=kms.amazonaws.com)&&(($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion))}",
  "{ $.eventSource = cloudtrail.amazonaws.com && ($.eventName = *Trail || $.eventName = %Logging$%) }",
  "{ $.errorCode NOT EXISTS && $.userIdentity.type != Root }",
  "{ $.latency = * }",
  '{ $.latency = "*" }',
  "{ $.a > -1e+3 && $.b <= 55.5 && $.c >= +1000 && $.d < 10e3 && $.e = 0 }",
  "{ $.a IS NULL || $.b IS TRUE || $.c IS FALSE }",
  "{ $.['cluster.name'] = prod && $.a[0].b = x }",
  "{ $.arrayKey[*] = %val.{2}% }",
  "{ $.a.* = 1 && $.b[*].c = 2 || $.d[*] != 123.123.* }",
  '{ $.foo = "%bar%" }',
  "{ $.a = Cr*Trail }",
  "[]",
  "[..., request=*.html*, status_code=4*,]",
  "[ip, user, username, timestamp, request =*.html*, status_code = 404 || status_code = 410, bytes > 1000]",
  "[w1!=ERROR && w1!=WARNING, w2]",
  '[, w2 = "a b", w3 = %ERR.*%, ...]',
  "[a,,b,]",
];

/** The tree without spans and without selectors' `text` (which records how the selector was written). */
export function normalised(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalised);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    const isSelector = "steps" in value;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "span" || (isSelector && key === "text")) continue;
      out[key] = normalised(inner);
    }
    return out;
  }
  return value;
}

/** Equality of two trees ignoring spans and selector spelling. */
export function sameTree(a: FilterPattern, b: FilterPattern): boolean {
  return JSON.stringify(normalised(a)) === JSON.stringify(normalised(b));
}
