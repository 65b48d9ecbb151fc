/**
 * The parts of a mute rule's schedule read one at a time: written dates and their UTC offsets, calendar validity,
 * and cron fields with month and day names.
 *
 * Sources: RFC 3339 section 5.6 (`time-numoffset = ("+" / "-") time-hour ":" time-minute`: "+05:30" is five and a
 * half hours ahead of UTC, "-03:30" three and a half behind); the Gregorian leap-year rule (every fourth year, except
 * centuries not divisible by 400: 2024 and 2000 are leap years, 2026 and 1900 are not); the CloudWatch Schedule
 * reference (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Schedule.html: "English names can
 * be used for the month (JAN-DEC) and day of week (SUN-SAT) fields"). Offsets beyond ±18:00 are refused, the range
 * of real-world offsets that java.time.ZoneOffset (the AWS SDK for Java's time type) admits. Durations: ISO 8601
 * (a week is 7 days; PT1H30M is 90 minutes) within the Schedule reference's "minimum of 1 minute (PT1M) and maximum
 * of 15 days (P15D)", both ends included.
 */
import { isKnownTimeZone, parseMuteDuration, parseScheduleExpression, parseWrittenDate } from "../../lib/alarm-mute";

const offsetOf = (text: string) => {
  const parsed = parseWrittenDate(text);
  return parsed.ok ? parsed.value.offsetMinutes : `problem: ${parsed.problem}`;
};

describe("written dates: the UTC offset in minutes", () => {
  it.each<[string, number | undefined]>([
    ["2026-06-01T00:00:00Z", 0],
    ["2026-06-01T00:00:00+05:30", 5 * 60 + 30],
    ["2026-06-01T00:00:00-03:30", -(3 * 60 + 30)],
    ["2026-06-01T00:00-08:00", -8 * 60],
    ["2026-06-01T00:00+18:00", 18 * 60],
    ["2026-06-01T00:00-18:00", -18 * 60],
    ["2026-06-01T00:00", undefined],
  ])("%s is %p minutes from UTC", (text, minutes) => {
    expect(offsetOf(text)).toBe(minutes);
  });

  it.each(["2026-06-01T00:00+18:01", "2026-06-01T00:00-18:30", "2026-06-01T00:00+23:59"])(
    "%s has an offset beyond ±18:00",
    (text) => {
      expect(offsetOf(text)).toBe(`problem: ${JSON.stringify(text)} has an offset beyond ±18:00`);
    },
  );
});

describe("written dates: real calendar dates only", () => {
  it.each([
    ["2024-02-29T00:00Z", "29 February of a leap year"],
    ["2000-02-29T00:00Z", "29 February of a century divisible by 400"],
    ["2026-02-28T23:59Z", "28 February of a common year"],
    ["2026-12-31T23:59:59Z", "the last second of a year"],
  ])("%s is a date (%s)", (text) => {
    expect(parseWrittenDate(text).ok).toBe(true);
  });

  it.each([
    ["2026-02-29T00:00Z", "29 February of a common year"],
    ["1900-02-29T00:00Z", "29 February of a century not divisible by 400"],
    ["2026-04-31T00:00Z", "31 April"],
    ["2026-13-01T00:00Z", "month 13"],
    ["2026-00-10T00:00Z", "month 0"],
    ["2026-06-00T00:00Z", "day 0"],
    ["2026-06-01T24:00Z", "hour 24"],
    ["2026-06-01T23:60Z", "minute 60"],
    ["2026-06-01T23:59:60Z", "second 60"],
  ])("%s is not a date (%s)", (text) => {
    expect(parseWrittenDate(text)).toEqual({
      ok: false,
      problem: `${JSON.stringify(text)} is not a real date and time`,
    });
  });
});

describe("cron fields", () => {
  it.each([
    "cron(0 2 * JAN-MAR *)",
    "cron(0 2 * jan,dec *)",
    "cron(0 2 * * MON-FRI)",
    "cron(0 2 * * sun)",
    "cron(0 2 1 12 0)",
    "cron(59 23 31 12 7)",
  ])("%s is accepted", (expression) => {
    expect(parseScheduleExpression(expression)).toEqual({
      ok: true,
      value: { kind: "cron", fields: expect.any(Array) },
    });
  });

  it.each([
    ["cron(JAN 2 * * *)", '"JAN" is not a valid minutes value'],
    ["cron(0 MON * * *)", '"MON" is not a valid hours value'],
    ["cron(0 2 * * MONDAY)", '"MONDAY" is not a valid day-of-week value'],
    ["cron(0 2 * 13 *)", '"13" is not a valid month value'],
    ["cron(0 2 0 * *)", '"0" is not a valid day-of-month value'],
    ["cron(0 2 * * 1-2-3)", '"1-2-3" is not a valid day-of-week value'],
    ["cron(0 2 * * MON-XYZ)", '"MON-XYZ" is not a valid day-of-week value'],
    // A number in exponent or hex notation is not a number of the field: only digits are.
    ["cron(1e1 2 * * *)", '"1e1" is not a valid minutes value'],
    ["cron(0 0x1 * * *)", '"0x1" is not a valid hours value'],
  ])("%s is refused: %s", (expression, why) => {
    const parsed = parseScheduleExpression(expression);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.problem).toBe(`${expression}: ${why}`);
  });

  it("six fields are the EventBridge form with a year, named as such", () => {
    expect(parseScheduleExpression("cron(0 2 * * ? 2026)")).toEqual({
      ok: false,
      problem:
        "cron(0 2 * * ? 2026) has six fields, the EventBridge form with a year; AWS documents five for mute rules " +
        "(Minutes Hours Day-of-month Month Day-of-week)",
    });
  });

  it.each([
    ["cron(0 2 * *)", 4],
    ["cron(0 2 * * * * *)", 7],
    ["cron()", 0],
  ])("%s has %i fields, not the five AWS documents", (expression, count) => {
    expect(parseScheduleExpression(expression)).toEqual({
      ok: false,
      problem: `${expression} has ${count} fields; AWS documents five`,
    });
  });

  it("a character outside *, - and , is named", () => {
    expect(parseScheduleExpression("cron(0 2 ? * *)")).toEqual({
      ok: false,
      problem: 'cron(0 2 ? * *): the day-of-month field "?" uses "?", which AWS does not document (only *, - and ,)',
    });
  });
});

describe("expressions and durations", () => {
  it("an expression is at() only from its first character", () => {
    expect(parseScheduleExpression(" at(2026-05-10T14:00)")).toEqual({
      ok: false,
      problem: '" at(2026-05-10T14:00)" is neither a cron(...) nor an at(...) expression',
    });
  });

  it('"P" alone, with no number, is not an ISO 8601 duration (ISO 8601 needs at least one component)', () => {
    expect(parseMuteDuration("P")).toEqual({
      ok: false,
      problem: '"P" is not an ISO 8601 duration such as PT4H or P2DT12H',
    });
  });
});

describe("durations", () => {
  const DAY = 24 * 60 * 60 * 1000;
  it.each<[string, { days: number; timeMs: number; totalMs: number }]>([
    ["PT1M", { days: 0, timeMs: 60_000, totalMs: 60_000 }],
    ["PT1H30M", { days: 0, timeMs: 90 * 60_000, totalMs: 90 * 60_000 }],
    ["P1W", { days: 7, timeMs: 0, totalMs: 7 * DAY }],
    ["P2DT12H", { days: 2, timeMs: 12 * 60 * 60_000, totalMs: 2.5 * DAY }],
    ["P15D", { days: 15, timeMs: 0, totalMs: 15 * DAY }],
    ["P2W1D", { days: 15, timeMs: 0, totalMs: 15 * DAY }],
  ])("%s is accepted", (text, value) => {
    expect(parseMuteDuration(text)).toEqual({ ok: true, value });
  });

  it.each(["PT59S", "P15DT1S", "P3W"])("%s is outside PT1M to P15D", (text) => {
    expect(parseMuteDuration(text)).toEqual({
      ok: false,
      problem: `the duration ${text} is outside what AWS accepts, PT1M to P15D`,
    });
  });
});

describe("dates and zones as written", () => {
  it("spaces around a written date are not part of it", () => {
    expect(parseWrittenDate(" 2026-06-01T00:00Z ")).toEqual({
      ok: true,
      value: { wall: { year: 2026, month: 6, day: 1, hour: 0, minute: 0, second: 0 }, offsetMinutes: 0 },
    });
  });

  it("a zone Intl does not know is not known (false, not merely falsy)", () => {
    expect(isKnownTimeZone("Europe/Atlantis")).toBe(false);
    expect(isKnownTimeZone("Europe/Paris")).toBe(true);
  });
});
