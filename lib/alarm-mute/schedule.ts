/**
 * The parts of an alarm mute rule's schedule, as the CloudWatch API documents them (Schedule,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Schedule.html):
 *
 * - Expression: "Cron expressions - For recurring mute windows. Format: cron(Minutes Hours Day-of-month Month
 *   Day-of-week)" — five fields, where "The characters *, -, and , are supported in all fields. English names can
 *   be used for the month (JAN-DEC) and day of week (SUN-SAT) fields"; "At expressions - For one-time mute windows.
 *   Format: at(yyyy-MM-ddThh:mm)".
 * - Duration: "ISO 8601 duration format with a minimum of 1 minute (PT1M) and maximum of 15 days (P15D)", e.g.
 *   PT4H, P2DT12H, P7D.
 *
 * Parsing is a light check: whatever is not what the documentation describes comes back as a problem to report as
 * "unknown", never as an exception.
 */
import { DAY_MS, type WallTime, isValidWallTime } from "./zoned-time";

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const problem = <T>(text: string): Parsed<T> => ({ ok: false, problem: text });

export type ScheduleExpression =
  { readonly kind: "at"; readonly start: WallTime } | { readonly kind: "cron"; readonly fields: readonly string[] };

/**
 * `at(yyyy-MM-ddThh:mm)`; seconds (`:ss`) are accepted too, as the Pulumi and Terraform examples write
 * `at(2026-12-31T23:59:59)` (https://www.pulumi.com/registry/packages/aws/api-docs/cloudwatch/alarmmuterule/).
 */
const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?\)$/;
const CRON = /^cron\((.*)\)$/;

export function parseScheduleExpression(expression: string): Parsed<ScheduleExpression> {
  const at = AT.exec(expression);
  if (at) {
    const [year, month, day, hour, minute, second] = at.slice(1).map((v) => Number(v ?? 0));
    const start = { year, month, day, hour, minute, second } as WallTime;
    if (!isValidWallTime(start)) return problem(`${expression} is not a real date and time`);
    return ok({ kind: "at", start });
  }
  if (/^at\(/.test(expression)) return problem(`${expression} is not of the documented form at(yyyy-MM-ddThh:mm)`);
  const cron = CRON.exec(expression);
  if (!cron) return problem(`${JSON.stringify(expression)} is neither a cron(...) nor an at(...) expression`);
  const fields = cron[1].trim().split(/\s+/).filter(Boolean);
  if (fields.length === 6) {
    return problem(
      `${expression} has six fields, the EventBridge form with a year; AWS documents five for mute rules ` +
        "(Minutes Hours Day-of-month Month Day-of-week)",
    );
  }
  if (fields.length !== 5) return problem(`${expression} has ${fields.length} fields; AWS documents five`);
  for (let i = 0; i < 5; i++) {
    const why = checkCronField(fields[i], CRON_FIELDS[i]);
    if (why) return problem(`${expression}: ${why}`);
  }
  return ok({ kind: "cron", fields });
}

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** Day-of-week numbers are not documented (0-6, 1-7?); 0 to 7 accepts either convention. */
const CRON_FIELDS: readonly CronField[] = [
  { name: "minutes", min: 0, max: 59 },
  { name: "hours", min: 0, max: 23 },
  { name: "day-of-month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS },
  { name: "day-of-week", min: 0, max: 7, names: DAYS },
];

function checkCronField(text: string, field: CronField): string | undefined {
  const odd = /[^A-Za-z0-9*,-]/.exec(text);
  if (odd) {
    const what = `the ${field.name} field ${JSON.stringify(text)} uses ${JSON.stringify(odd[0])}`;
    return `${what}, which AWS does not document (only *, - and ,)`;
  }
  for (const item of text.split(",")) {
    if (item === "*") continue;
    const ends = item.split("-");
    if (ends.length > 2 || ends.some((end) => !cronValueOk(end, field))) {
      return `${JSON.stringify(item)} is not a valid ${field.name} value`;
    }
  }
  return undefined;
}

function cronValueOk(value: string, field: CronField): boolean {
  if (/^[0-9]+$/.test(value)) return Number(value) >= field.min && Number(value) <= field.max;
  return field.names?.includes(value.toUpperCase()) ?? false;
}

/** A duration split into whole days (calendar days) and the rest (absolute time). */
export interface MuteDuration {
  readonly days: number;
  readonly timeMs: number;
  readonly totalMs: number;
}

const ISO_DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function parseMuteDuration(text: string): Parsed<MuteDuration> {
  const match = ISO_DURATION.exec(text);
  if (!match || text === "P")
    return problem(`${JSON.stringify(text)} is not an ISO 8601 duration such as PT4H or P2DT12H`);
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((v) => Number(v ?? 0));
  const wholeDays = weeks * 7 + days;
  const timeMs = ((hours * 60 + minutes) * 60 + seconds) * 1000;
  const totalMs = wholeDays * DAY_MS + timeMs;
  if (totalMs < 60_000 || totalMs > 15 * DAY_MS) {
    return problem(`the duration ${text} is outside what AWS accepts, PT1M to P15D`);
  }
  return ok({ days: wholeDays, timeMs, totalMs });
}

/** A date given as text: its wall-clock fields and, when written, its UTC offset in minutes. */
export interface WrittenDate {
  readonly wall: WallTime;
  readonly offsetMinutes?: number;
}

/**
 * `yyyy-MM-ddThh:mm[:ss[.fff]]` with an optional `Z` or `±hh:mm` — RFC 3339 as the provider documents
 * (`2026-12-31T23:59:00Z`), or the offset-less `yyyy-MM-ddTHH:mm` CloudFormation asks for ("StartDate needs to
 * follow the format yyyy-MM-ddTHH:mm", quoted in AWS's CDK).
 */
const WRITTEN_DATE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

export function parseWrittenDate(text: string): Parsed<WrittenDate> {
  const match = WRITTEN_DATE.exec(text.trim());
  if (!match) return problem(`${JSON.stringify(text)} is not a date of the form 2026-12-31T23:59:00Z`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((v) => Number(v ?? 0));
  const wall = { year, month, day, hour, minute, second } as WallTime;
  if (!isValidWallTime(wall)) return problem(`${JSON.stringify(text)} is not a real date and time`);
  if (match[7]) return ok({ wall, offsetMinutes: 0 });
  if (match[8]) {
    const sign = match[8] === "-" ? -1 : 1;
    const offsetMinutes = sign * (Number(match[9]) * 60 + Number(match[10]));
    if (Math.abs(offsetMinutes) > 18 * 60) return problem(`${JSON.stringify(text)} has an offset beyond ±18:00`);
    return ok({ wall, offsetMinutes });
  }
  return ok({ wall });
}
