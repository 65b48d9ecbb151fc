/**
 * The parts of a mute rule's schedule read one at a time: written dates and their UTC offsets, calendar validity,
 * and cron fields with month and day names.
 *
 * Sources: RFC 3339 section 5.6 (`time-numoffset = ("+" / "-") time-hour ":" time-minute`: "+05:30" is five and a
 * half hours ahead of UTC, "-03:30" three and a half behind); the Gregorian leap-year rule (every fourth year, except
 * centuries not divisible by 400: 2024 and 2000 are leap years, 2026 and 1900 are not); the CloudWatch Schedule
 * reference (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Schedule.html: "English names can
 * be used for the month (JAN-DEC) and day of week (SUN-SAT) fields"). Offsets beyond ±18:00 are refused, the range
 * of real-world offsets that java.time.ZoneOffset (the AWS SDK for Java's time type) admits.
 */
import { parseScheduleExpression, parseWrittenDate } from "../../lib/alarm-mute";

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

  it("a character outside *, - and , is named", () => {
    expect(parseScheduleExpression("cron(0 2 ? * *)")).toEqual({
      ok: false,
      problem: 'cron(0 2 ? * *): the day-of-month field "?" uses "?", which AWS does not document (only *, - and ,)',
    });
  });
});
