/**
 * Wall-clock times in an IANA time zone, converted to instants with `Intl` (Node 20 ships full ICU, so every IANA
 * zone is available without a dependency; a library such as Luxon would do the same conversion through the same
 * `Intl` API, so it would add a dependency without adding data).
 *
 * A wall time can name no instant (the hour skipped when clocks go forward) or two (the hour repeated when they go
 * back). Conversions therefore return every plausible instant, and callers decide with the earliest or the latest.
 */

export interface WallTime {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
  readonly hour: number; // 0-23
  readonly minute: number;
  readonly second: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether `Intl` knows the zone (an IANA name such as `Europe/Paris`, or `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall time shown in `timeZone` at `instant` (milliseconds since the epoch). */
export function wallTimeAt(instant: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The wall time's fields read as UTC, in milliseconds since the epoch. */
export function wallAsUtc(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime();
}

/** The zone's offset from UTC at `instant`, in milliseconds (Paris in summer: +2 h). */
export function offsetAt(instant: number, timeZone: string): number {
  const seconds = Math.floor(instant / 1000) * 1000;
  return wallAsUtc(wallTimeAt(seconds, timeZone)) - seconds;
}

/**
 * Every instant at which clocks in `timeZone` show `wall`, earliest first: one normally, two in a repeated hour,
 * and, for a wall time that never shows (a skipped hour), the instants that reading it with the offset before and
 * after the jump give.
 */
export function wallTimeToInstants(wall: WallTime, timeZone: string): number[] {
  const asUtc = wallAsUtc(wall);
  const offsets = new Set([asUtc - DAY_MS, asUtc, asUtc + DAY_MS].map((t) => offsetAt(t, timeZone)));
  const candidates = [...offsets].map((offset) => asUtc - offset);
  const exact = candidates.filter((t) => offsetAt(t, timeZone) === asUtc - t);
  return [...new Set(exact.length > 0 ? exact : candidates)].sort((a, b) => a - b);
}

/** `wall` plus whole calendar days (month and year lengths honoured). */
export function addCalendarDays(wall: WallTime, days: number): WallTime {
  const date = new Date(wallAsUtc(wall) + days * DAY_MS);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: wall.hour,
    minute: wall.minute,
    second: wall.second,
  };
}

/** Whether the fields form a real calendar date and time (no 31 April, no 24:00). */
export function isValidWallTime(wall: WallTime): boolean {
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.hour > 23 || wall.minute > 59 || wall.second > 59) {
    return false;
  }
  const daysInMonth = new Date(Date.UTC(2000, wall.month, 0)).getUTCDate();
  const leapFebruary = wall.month === 2 && wall.day === 29;
  if (leapFebruary) return isLeapYear(wall.year);
  return wall.day <= daysInMonth;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
