/**
 * Can an alarm mute rule still mute? A rule is harmless once it can never mute again: AWS reports it EXPIRED ("The
 * mute rule has passed its expiration date and will no longer become active", GetAlarmMuteRule,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetAlarmMuteRule.html), its expireDate has
 * passed ("After this time, the rule status becomes EXPIRED and will no longer mute the targeted alarms",
 * PutAlarmMuteRule), or it is a one-time `at(...)` rule whose window (start plus duration: "The duration begins when
 * the schedule expression time is reached", Schedule) has ended.
 *
 * Time zones. "If you don't specify a time zone, UTC is used by default. The time zone affects how cron and at
 * expressions are interpreted, as well as start and expire dates you specify" (Schedule.Timezone,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Schedule.html). So an expireDate written
 * without an offset is wall time in the schedule's zone. With an explicit offset (`Z`, `+02:00`) the text denotes an
 * instant, yet the API receives a timestamp and the documentation says the zone still affects the date; whether AWS
 * honours the offset or re-reads the wall clock in the schedule's zone is not documented. Both readings are
 * computed, and the rule is called expired only when every reading has passed (otherwise "unknown" near the edge).
 * Wall times that a DST change skips or repeats count with all their instants, in the same cautious way.
 *
 * A recurring rule whose expireDate has not passed is reported as muting: working out whether its cron expression
 * still fires before expireDate would take a cron evaluator, and "mutes" is the side that hides no problem.
 */
import {
  type MuteDuration,
  type WrittenDate,
  parseMuteDuration,
  parseScheduleExpression,
  parseWrittenDate,
} from "./schedule";
import {
  type WallTime,
  addCalendarDays,
  isKnownTimeZone,
  wallAsUtc,
  wallTimeAt,
  wallTimeToInstants,
} from "./zoned-time";

/** An `aws.cloudwatch.AlarmMuteRule`'s properties as plain values (any of them may be missing or unresolved). */
export interface MuteRuleInput {
  readonly rule?: { readonly schedule?: MuteScheduleInput | null } | null;
  /** RFC 3339 (`2026-01-01T00:00:00Z`) or `yyyy-MM-ddTHH:mm`. */
  readonly startDate?: unknown;
  readonly expireDate?: unknown;
  readonly muteTargets?: unknown;
  /** ONE_TIME or RECURRING, computed by AWS from the expression; not needed here. */
  readonly muteType?: unknown;
  /** SCHEDULED, ACTIVE or EXPIRED in deployed state. */
  readonly status?: unknown;
}

export interface MuteScheduleInput {
  readonly expression?: unknown;
  readonly duration?: unknown;
  /** IANA name such as `Europe/Paris`; UTC when absent. */
  readonly timezone?: unknown;
}

export type MuteRuleActivity =
  | { readonly state: "harmless"; readonly why: string }
  | {
      readonly state: "mutes";
      /** e.g. `cron(0 2 * * *) for PT4H, Europe/Paris`. */
      readonly schedule: string;
      /** When the rule takes effect, if a startDate (or an at() start) is still ahead. */
      readonly from?: Date;
      /** The latest instant the rule can still mute until: its expiry, or the end of a one-time window. */
      readonly until?: Date;
    }
  | { readonly state: "unknown"; readonly why: string };

/** Whether `rule` can still mute at or after `now`. Never throws. */
export function muteRuleActivity(rule: MuteRuleInput, now: Date): MuteRuleActivity {
  if (rule.status === "EXPIRED") {
    return {
      state: "harmless",
      why: "AWS reports the rule EXPIRED: it has passed its expiration date and will no longer become active",
    };
  }
  const schedule = typeof rule.rule === "object" && rule.rule !== null ? rule.rule.schedule : undefined;
  const expression = schedule?.expression;
  const durationText = schedule?.duration;
  const zone = schedule?.timezone ?? "UTC";
  if (typeof expression !== "string") return unknown("the rule's schedule expression is missing or not known yet");
  if (typeof durationText !== "string") return unknown("the rule's schedule duration is missing or not known yet");
  if (typeof zone !== "string" || !isKnownTimeZone(zone))
    return unknown(`the time zone ${JSON.stringify(zone)} is not a known IANA time zone`);
  const parsedExpression = parseScheduleExpression(expression.trim());
  if (!parsedExpression.ok) return unknown(parsedExpression.problem);
  const duration = parseMuteDuration(durationText.trim());
  if (!duration.ok) return unknown(duration.problem);
  const start = readDate(rule.startDate, "startDate", zone);
  if (!start.ok) return unknown(start.problem);
  const expire = readDate(rule.expireDate, "expireDate", zone);
  if (!expire.ok) return unknown(expire.problem);
  const label = `${expression.trim()} for ${durationText.trim()}, ${zone}`;
  const t = now.getTime();

  if (parsedExpression.value.kind === "at") {
    if (start.value || expire.value) {
      // The provider documentation quotes this API error (aws.cloudwatch.AlarmMuteRule, "With At Expression").
      return unknown(
        "AWS rejects start or expire dates with at() expressions " +
          '("Can not set start or expire dates for At expressions")',
      );
    }
    const window = oneTimeWindow(parsedExpression.value.start, duration.value, zone);
    if (window.latestEnd <= t) {
      return { state: "harmless", why: `the one-time window ${label} ended by ${iso(window.latestEnd)}` };
    }
    return mutes(label, window.earliestStart > t ? window.earliestStart : undefined, window.latestEnd);
  }

  if (expire.value) {
    const { earliest, latest } = expire.value;
    if (latest <= t)
      return {
        state: "harmless",
        why: `the rule expired at ${iso(latest)} (expireDate ${String(rule.expireDate)}, ${zone})`,
      };
    if (earliest <= t) {
      return unknown(
        `whether the rule has expired depends on how AWS reads expireDate ${String(rule.expireDate)} in ${zone} ` +
          `(its offset or the zone's wall clock, or a daylight-saving change): it expires between ${iso(earliest)} ` +
          `and ${iso(latest)}`,
      );
    }
    if (start.value && start.value.earliest >= latest) {
      return {
        state: "harmless",
        why: `the rule expires (${iso(latest)}) no later than it takes effect (${iso(start.value.earliest)})`,
      };
    }
  }
  const from = start.value && start.value.earliest > t ? start.value.earliest : undefined;
  return mutes(label, from, expire.value?.latest);
}

function unknown(why: string): MuteRuleActivity {
  return { state: "unknown", why };
}

function mutes(schedule: string, from: number | undefined, until: number | undefined): MuteRuleActivity {
  return {
    state: "mutes",
    schedule,
    ...(from !== undefined ? { from: new Date(from) } : {}),
    ...(until !== undefined ? { until: new Date(until) } : {}),
  };
}

function iso(instant: number): string {
  return new Date(instant).toISOString();
}

type Range = { readonly earliest: number; readonly latest: number };
type DateReading = { readonly ok: true; readonly value?: Range } | { readonly ok: false; readonly problem: string };

/** A start or expire date as the instants it may denote (see the module comment); absent dates have no value. */
function readDate(value: unknown, name: string, zone: string): DateReading {
  if (value === undefined || value === null || value === "") return { ok: true };
  if (typeof value !== "string") return { ok: false, problem: `${name} is not a date string` };
  const written = parseWrittenDate(value);
  if (!written.ok) return { ok: false, problem: `${name}: ${written.problem}` };
  const instants = dateReadings(written.value, zone);
  return { ok: true, value: { earliest: Math.min(...instants), latest: Math.max(...instants) } };
}

/**
 * Without an offset: the wall time in the zone. With one: the instant it denotes, the same wall fields read in the
 * zone, and the instant's UTC wall clock read in the zone (what a service dropping the offset would do).
 */
export function dateReadings(date: WrittenDate, zone: string): number[] {
  const inZone = wallTimeToInstants(date.wall, zone);
  if (date.offsetMinutes === undefined) return inZone;
  const instant = wallAsUtc(date.wall) - date.offsetMinutes * 60_000;
  return [instant, ...inZone, ...wallTimeToInstants(wallTimeAt(instant, "UTC"), zone)];
}

/** The one-time window of `at(start)`: its earliest start and latest end over DST readings and calendar days. */
function oneTimeWindow(
  start: WallTime,
  duration: MuteDuration,
  zone: string,
): { earliestStart: number; latestEnd: number } {
  const starts = wallTimeToInstants(start, zone);
  const absoluteEnds = starts.map((s) => s + duration.totalMs);
  const calendarEnds = wallTimeToInstants(addCalendarDays(start, duration.days), zone).map((s) => s + duration.timeMs);
  return { earliestStart: Math.min(...starts), latestEnd: Math.max(...absoluteEnds, ...calendarEnds) };
}
