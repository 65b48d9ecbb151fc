/**
 * Whether an alarm mute rule can still mute, at explicit instants.
 *
 * Sources: Schedule (expression, duration, "If you don't specify a time zone, UTC is used by default. The time zone
 * affects how cron and at expressions are interpreted, as well as start and expire dates you specify"),
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Schedule.html; PutAlarmMuteRule (expireDate:
 * "After this time, the rule status becomes EXPIRED"); GetAlarmMuteRule (EXPIRED: "will no longer become active").
 * Time-zone facts used by hand: Europe/Paris is UTC+1 in winter and UTC+2 in summer, summer time running from 01:00 UTC
 * on the last Sunday of March (29 March 2026) to 01:00 UTC on the last Sunday of October (25 October 2026), EU
 * Directive 2000/84/EC; America/New_York is UTC-4 in May (US summer time from the second Sunday of March, Energy
 * Policy Act of 2005); Asia/Tokyo is UTC+9 all year.
 */
import type { MuteRuleInput } from "../../lib/alarm-mute";
import { muteRuleActivity } from "../../lib/alarm-mute";

const rule = (
  expression: string,
  duration: string,
  timezone?: string,
  extra: Partial<MuteRuleInput> = {},
): MuteRuleInput => ({
  rule: { schedule: { expression, duration, ...(timezone ? { timezone } : {}) } },
  ...extra,
});
const at = (iso: string) => new Date(iso);
const state = (r: MuteRuleInput, now: string) => muteRuleActivity(r, at(now)).state;

describe("deployed status", () => {
  it("EXPIRED is harmless whatever the dates say", () => {
    const expired = rule("cron(0 2 * * *)", "PT4H", "UTC", { status: "EXPIRED", expireDate: "2099-01-01T00:00:00Z" });
    expect(state(expired, "2026-01-01T00:00:00Z")).toBe("harmless");
  });

  it("ACTIVE with an expireDate that has since passed is harmless (the status is from the last deployment)", () => {
    const stale = rule("cron(0 2 * * *)", "PT4H", "UTC", { status: "ACTIVE", expireDate: "2026-01-01T00:00:00Z" });
    expect(state(stale, "2026-02-01T00:00:00Z")).toBe("harmless");
  });
});

describe("expireDate", () => {
  it("with Z in a UTC schedule: harmless after it, muting until it before", () => {
    const r = rule("cron(0 2 * * *)", "PT4H", undefined, { expireDate: "2026-12-31T23:59:00Z" });
    expect(state(r, "2027-01-01T00:00:00Z")).toBe("harmless");
    expect(muteRuleActivity(r, at("2026-12-31T23:58:00Z"))).toEqual({
      state: "mutes",
      schedule: "cron(0 2 * * *) for PT4H, UTC",
      until: at("2026-12-31T23:59:00Z"),
    });
  });

  it("without an offset it is wall time in the schedule's zone: 1 July 00:00 in Paris is 30 June 22:00 UTC", () => {
    const r = rule("cron(0 2 * * *)", "PT4H", "Europe/Paris", { expireDate: "2026-07-01T00:00" });
    expect(state(r, "2026-06-30T22:30:00Z")).toBe("harmless");
    expect(muteRuleActivity(r, at("2026-06-30T21:30:00Z"))).toMatchObject({
      state: "mutes",
      until: at("2026-06-30T22:00:00Z"),
    });
  });

  it("with Z in a Paris schedule, between the two readings (22:00 and 00:00 UTC) it is unknown", () => {
    const r = rule("cron(0 2 * * *)", "PT4H", "Europe/Paris", { expireDate: "2026-07-01T00:00:00Z" });
    expect(state(r, "2026-06-30T21:00:00Z")).toBe("mutes");
    expect(state(r, "2026-06-30T23:00:00Z")).toBe("unknown");
    expect(state(r, "2026-07-01T00:30:00Z")).toBe("harmless");
  });

  it("with +02:00 in a UTC schedule: the instant (30 June 22:00 UTC) or the wall clock (1 July 00:00 UTC)", () => {
    // RFC 3339 section 5.6: a time written with +02:00 is two hours ahead of UTC, so 00:00+02:00 is 22:00 UTC the day
    // before. Read as wall time in the schedule's zone (UTC), the same text is 00:00 UTC on 1 July.
    const expireDate = "2026-07-01T00:00:00+02:00";
    const r = rule("cron(0 2 * * *)", "PT4H", "UTC", { expireDate });
    expect(muteRuleActivity(r, at("2026-06-30T21:00:00Z"))).toEqual({
      state: "mutes",
      schedule: "cron(0 2 * * *) for PT4H, UTC",
      until: at("2026-07-01T00:00:00Z"),
    });
    expect(muteRuleActivity(r, at("2026-06-30T23:00:00Z"))).toEqual({
      state: "unknown",
      why:
        "whether the rule has expired depends on how AWS reads expireDate 2026-07-01T00:00:00+02:00 in UTC (its " +
        "offset or the zone's wall clock, or a daylight-saving change): it expires between 2026-06-30T22:00:00.000Z " +
        "and 2026-07-01T00:00:00.000Z",
    });
  });

  it("with a -05:00 offset in a UTC schedule: the instant (1 July 05:00 UTC) is the later reading", () => {
    // RFC 3339 section 5.6: 00:00-05:00 is five hours behind UTC, 05:00 UTC the same day.
    const r = rule("cron(0 2 * * *)", "PT4H", "UTC", { expireDate: "2026-07-01T00:00:00-05:00" });
    expect(muteRuleActivity(r, at("2026-07-01T04:00:00Z"))).toMatchObject({ state: "unknown" });
    expect(muteRuleActivity(r, at("2026-07-01T05:00:00Z"))).toEqual({
      state: "harmless",
      why: "the rule expired at 2026-07-01T05:00:00.000Z (expireDate 2026-07-01T00:00:00-05:00, UTC)",
    });
  });

  it("a wall time repeated when Paris clocks go back (02:30 on 25 October 2026 is 00:30 and 01:30 UTC)", () => {
    const r = rule("cron(0 2 * * *)", "PT4H", "Europe/Paris", { expireDate: "2026-10-25T02:30" });
    expect(state(r, "2026-10-25T00:00:00Z")).toBe("mutes");
    expect(state(r, "2026-10-25T01:00:00Z")).toBe("unknown");
    expect(state(r, "2026-10-25T01:31:00Z")).toBe("harmless");
  });

  it("the provider's example (Asia/Tokyo, 2026-01-01T00:00:00Z to 2026-12-31T23:59:00Z)", () => {
    const r = rule("cron(0 2 * * *)", "PT4H", "Asia/Tokyo", {
      startDate: "2026-01-01T00:00:00Z",
      expireDate: "2026-12-31T23:59:00Z",
    });
    // Mid-year the rule has started under every reading and mutes until the later expiry reading.
    expect(muteRuleActivity(r, at("2026-06-01T00:00:00Z"))).toEqual({
      state: "mutes",
      schedule: "cron(0 2 * * *) for PT4H, Asia/Tokyo",
      until: at("2026-12-31T23:59:00Z"),
    });
    // Before 2025-12-31T15:00Z (midnight in Tokyo) it has not started under any reading.
    expect(muteRuleActivity(r, at("2025-12-01T00:00:00Z"))).toMatchObject({
      state: "mutes",
      from: at("2025-12-31T15:00:00Z"),
    });
    expect(state(r, "2027-01-01T00:00:00Z")).toBe("harmless");
  });

  it("a rule that expires before it takes effect can never mute", () => {
    const r = rule("cron(0 2 * * *)", "PT4H", "UTC", {
      startDate: "2026-06-01T00:00:00Z",
      expireDate: "2026-05-01T00:00:00Z",
    });
    expect(muteRuleActivity(r, at("2026-01-01T00:00:00Z"))).toEqual({
      state: "harmless",
      why: "the rule expires (2026-05-01T00:00:00.000Z) no later than it takes effect (2026-06-01T00:00:00.000Z)",
    });
  });

  it("a date that is not a string (an epoch number) is unknown, named", () => {
    expect(
      muteRuleActivity(rule("cron(0 2 * * *)", "PT4H", "UTC", { expireDate: 1780272000 }), at("2026-01-01T00:00:00Z")),
    ).toEqual({
      state: "unknown",
      why: "expireDate is not a date string",
    });
    expect(
      muteRuleActivity(rule("cron(0 2 * * *)", "PT4H", "UTC", { startDate: true }), at("2026-01-01T00:00:00Z")),
    ).toEqual({
      state: "unknown",
      why: "startDate is not a date string",
    });
  });
});

describe("one-time at() windows end at start plus duration", () => {
  it("in UTC: before, during and after at(2026-05-10T14:00) for PT2H", () => {
    const r = rule("at(2026-05-10T14:00)", "PT2H");
    expect(muteRuleActivity(r, at("2026-05-10T13:00:00Z"))).toEqual({
      state: "mutes",
      schedule: "at(2026-05-10T14:00) for PT2H, UTC",
      from: at("2026-05-10T14:00:00Z"),
      until: at("2026-05-10T16:00:00Z"),
    });
    expect(muteRuleActivity(r, at("2026-05-10T15:00:00Z"))).toEqual({
      state: "mutes",
      schedule: "at(2026-05-10T14:00) for PT2H, UTC",
      until: at("2026-05-10T16:00:00Z"),
    });
    expect(state(r, "2026-05-10T16:00:01Z")).toBe("harmless");
  });

  it("in New York (UTC-4 in May): 14:00 local is 18:00 UTC, the window ends at 20:00 UTC", () => {
    const r = rule("at(2026-05-10T14:00)", "PT2H", "America/New_York");
    expect(state(r, "2026-05-10T19:59:00Z")).toBe("mutes");
    expect(state(r, "2026-05-10T20:00:00Z")).toBe("harmless");
  });

  it("with seconds, as the provider's example writes it", () => {
    expect(state(rule("at(2026-12-31T23:59:59)", "PT4H"), "2027-01-01T03:59:58Z")).toBe("mutes");
    expect(state(rule("at(2026-12-31T23:59:59)", "PT4H"), "2027-01-01T03:59:59Z")).toBe("harmless");
  });

  it("a start Paris clocks skip (02:30 on 29 March 2026) counts as late as it could be: ends by 02:30 UTC", () => {
    const r = rule("at(2026-03-29T02:30)", "PT1H", "Europe/Paris");
    expect(state(r, "2026-03-29T02:00:00Z")).toBe("mutes");
    expect(state(r, "2026-03-29T02:30:00Z")).toBe("harmless");
  });

  it("P1D across the spring change lasts until the later of 24 hours and the next day's same wall time", () => {
    // 28 March 12:00 in Paris is 11:00 UTC (winter); 24 hours later is 29 March 11:00 UTC; 12:00 on 29 March is
    // 10:00 UTC (summer). The window is over only after 11:00 UTC.
    const r = rule("at(2026-03-28T12:00)", "P1D", "Europe/Paris");
    expect(state(r, "2026-03-29T10:30:00Z")).toBe("mutes");
    expect(state(r, "2026-03-29T11:00:00Z")).toBe("harmless");
  });

  it("a repeated start (02:30 on 25 October 2026 in Paris: 00:30 and 01:30 UTC) may begin at the earlier one", () => {
    expect(muteRuleActivity(rule("at(2026-10-25T02:30)", "PT1H", "Europe/Paris"), at("2026-10-25T00:00:00Z"))).toEqual({
      state: "mutes",
      schedule: "at(2026-10-25T02:30) for PT1H, Europe/Paris",
      from: at("2026-10-25T00:30:00Z"),
      until: at("2026-10-25T02:30:00Z"),
    });
  });

  it("P1DT1H across the autumn change lasts until the next day's same wall time plus the hour", () => {
    // 24 October 12:00 in Paris is 10:00 UTC (summer); 25 hours later is 25 October 11:00 UTC; 12:00 on 25 October
    // is 11:00 UTC (winter), plus one hour is 12:00 UTC, the later of the two.
    const r = rule("at(2026-10-24T12:00)", "P1DT1H", "Europe/Paris");
    expect(muteRuleActivity(r, at("2026-10-25T11:30:00Z"))).toEqual({
      state: "mutes",
      schedule: "at(2026-10-24T12:00) for P1DT1H, Europe/Paris",
      until: at("2026-10-25T12:00:00Z"),
    });
  });

  it("AWS rejects start or expire dates with at(), so such a rule is unknown", () => {
    const r = rule("at(2026-05-10T14:00)", "PT2H", "UTC", { expireDate: "2026-06-01T00:00:00Z" });
    // The provider documentation quotes the API error (aws.cloudwatch.AlarmMuteRule, "With At Expression").
    expect(muteRuleActivity(r, at("2026-01-01T00:00:00Z"))).toEqual({
      state: "unknown",
      why: 'AWS rejects start or expire dates with at() expressions ("Can not set start or expire dates for At expressions")',
    });
    const started = rule("at(2026-05-10T14:00)", "PT2H", "UTC", { startDate: "2026-05-01T00:00:00Z" });
    expect(state(started, "2026-01-01T00:00:00Z")).toBe("unknown");
  });
});

describe("recurring cron() rules", () => {
  it.each([
    // The API reference's examples.
    "cron(0 2 * * *)",
    "cron(0 2 * * SUN)",
    "cron(0 1 1 * *)",
    "cron(0 18 * * FRI)",
    "cron(0 23 * * *)",
    // "The characters *, -, and , are supported in all fields. English names can be used for the month (JAN-DEC)
    // and day of week (SUN-SAT) fields."
    "cron(0,30 8-17 * JAN-MAR MON,WED,fri)",
  ])("%s without expiry mutes", (expression) => {
    expect(state(rule(expression, "PT4H", "Europe/Paris"), "2026-01-01T00:00:00Z")).toBe("mutes");
  });

  it("say what they mute in one line", () => {
    expect(muteRuleActivity(rule("cron(0 2 * * *)", "PT4H", "Europe/Paris"), at("2026-01-01T00:00:00Z"))).toEqual({
      state: "mutes",
      schedule: "cron(0 2 * * *) for PT4H, Europe/Paris",
    });
  });
});

describe("what cannot be read is unknown, with the reason", () => {
  it.each<[string, MuteRuleInput, string]>([
    ["no schedule", {}, "expression is missing"],
    ["an unresolved duration", { rule: { schedule: { expression: "cron(0 2 * * *)" } } }, "duration is missing"],
    ["the EventBridge six-field form", rule("cron(0 2 * * ? *)", "PT4H"), "six fields"],
    ["a step, which AWS does not document", rule("cron(*/5 * * * *)", "PT4H"), '"/"'],
    ["minute 60", rule("cron(60 2 * * *)", "PT4H"), "minutes"],
    ["a month name that is not one", rule("cron(0 2 * JANUARY *)", "PT4H"), "month"],
    ["rate(), which is not a mute-rule expression", rule("rate(5 minutes)", "PT4H"), "neither a cron"],
    ["an at() without a time", rule("at(2026-05-10)", "PT4H"), "at(yyyy-MM-ddThh:mm)"],
    ["31 April", rule("at(2026-04-31T00:00)", "PT4H"), "not a real date"],
    ["a duration over 15 days", rule("cron(0 2 * * *)", "P16D"), "PT1M to P15D"],
    ["a zero duration", rule("cron(0 2 * * *)", "PT0M"), "PT1M to P15D"],
    ["a duration that is not ISO 8601", rule("cron(0 2 * * *)", "4 hours"), "ISO 8601"],
    ["an unknown time zone", rule("cron(0 2 * * *)", "PT4H", "Europe/Atlantis"), "time zone"],
    [
      "an expireDate that is not a date",
      rule("cron(0 2 * * *)", "PT4H", "UTC", { expireDate: "next year" }),
      "expireDate",
    ],
    [
      "an expireDate of 30 February",
      rule("cron(0 2 * * *)", "PT4H", "UTC", { expireDate: "2026-02-30T00:00:00Z" }),
      "not a real date",
    ],
  ])("%s", (_what, input, fragment) => {
    const activity = muteRuleActivity(input, at("2026-01-01T00:00:00Z"));
    expect(activity.state).toBe("unknown");
    expect(activity.state === "unknown" ? activity.why : "").toContain(fragment);
  });
});

/**
 * Edges and wording. Instants at an edge follow the documentation's words: expireDate is the time "After [which]
 * the rule status becomes EXPIRED" (PutAlarmMuteRule), taken here as: at that instant the rule no longer mutes; a
 * one-time window lasts start plus duration (Schedule: "The duration begins when the schedule expression time is
 * reached"), so at its end it is over; a rule whose start has come has no `from` left to report.
 */
describe("edges and wording", () => {
  const mutesFor = (schedule: string, extra: { from?: string; until?: string } = {}) => ({
    state: "mutes",
    schedule,
    ...(extra.from ? { from: at(extra.from) } : {}),
    ...(extra.until ? { until: at(extra.until) } : {}),
  });

  it("EXPIRED says what AWS reports", () => {
    expect(muteRuleActivity({ status: "EXPIRED" }, at("2026-01-01T00:00:00Z"))).toEqual({
      state: "harmless",
      why: "AWS reports the rule EXPIRED: it has passed its expiration date and will no longer become active",
    });
  });

  it("a rule property that is null (not known yet) is unknown, not an error", () => {
    expect(muteRuleActivity({ rule: null }, at("2026-01-01T00:00:00Z"))).toEqual({
      state: "unknown",
      why: "the rule's schedule expression is missing or not known yet",
    });
  });

  it("a time zone that is not a string is not a time zone, even one whose text would be", () => {
    const r = { rule: { schedule: { expression: "cron(0 2 * * *)", duration: "PT4H", timezone: ["UTC"] } } };
    expect(muteRuleActivity(r, at("2026-01-01T00:00:00Z"))).toEqual({
      state: "unknown",
      why: 'the time zone ["UTC"] is not a known IANA time zone',
    });
  });

  it("spaces around the expression and the duration are not part of them", () => {
    expect(muteRuleActivity(rule(" cron(0 2 * * *) ", " PT4H "), at("2026-01-01T00:00:00Z"))).toEqual(
      mutesFor("cron(0 2 * * *) for PT4H, UTC"),
    );
  });

  it("a startDate that is not a date is unknown, named", () => {
    expect(
      muteRuleActivity(rule("cron(0 2 * * *)", "PT4H", "UTC", { startDate: "soon" }), at("2026-01-01T00:00:00Z")),
    ).toEqual({
      state: "unknown",
      why: 'startDate: "soon" is not a date of the form 2026-12-31T23:59:00Z',
    });
  });

  it.each([null, ""])("a startDate of %p is no startDate", (startDate) => {
    expect(muteRuleActivity(rule("cron(0 2 * * *)", "PT4H", "UTC", { startDate }), at("2026-01-01T00:00:00Z"))).toEqual(
      mutesFor("cron(0 2 * * *) for PT4H, UTC"),
    );
  });

  it("a one-time window is over at its end, and says when it ended", () => {
    expect(muteRuleActivity(rule("at(2026-05-10T14:00)", "PT2H"), at("2026-05-10T16:00:00Z"))).toEqual({
      state: "harmless",
      why: "the one-time window at(2026-05-10T14:00) for PT2H, UTC ended by 2026-05-10T16:00:00.000Z",
    });
  });

  it("at the start of a one-time window it mutes, with no start left to report", () => {
    expect(muteRuleActivity(rule("at(2026-05-10T14:00)", "PT2H"), at("2026-05-10T14:00:00Z"))).toEqual(
      mutesFor("at(2026-05-10T14:00) for PT2H, UTC", { until: "2026-05-10T16:00:00Z" }),
    );
  });

  it("at the expireDate instant the rule has expired, and says when", () => {
    const r = rule("cron(0 2 * * *)", "PT4H", "UTC", { expireDate: "2026-12-31T23:59:00Z" });
    expect(muteRuleActivity(r, at("2026-12-31T23:59:00Z"))).toEqual({
      state: "harmless",
      why: "the rule expired at 2026-12-31T23:59:00.000Z (expireDate 2026-12-31T23:59:00Z, UTC)",
    });
  });

  it("at the earlier reading of an expireDate with an offset, the answer is already unknown, with both readings", () => {
    // 2026-07-01T00:00:00Z read as Paris wall time (UTC+2 in July) is 2026-06-30T22:00Z.
    const r = rule("cron(0 2 * * *)", "PT4H", "Europe/Paris", { expireDate: "2026-07-01T00:00:00Z" });
    expect(muteRuleActivity(r, at("2026-06-30T22:00:00Z"))).toEqual({
      state: "unknown",
      why:
        "whether the rule has expired depends on how AWS reads expireDate 2026-07-01T00:00:00Z in Europe/Paris " +
        "(its offset or the zone's wall clock, or a daylight-saving change): it expires between " +
        "2026-06-30T22:00:00.000Z and 2026-07-01T00:00:00.000Z",
    });
  });

  it("a rule that expires the instant it takes effect can never mute", () => {
    const r = rule("cron(0 2 * * *)", "PT4H", "UTC", {
      startDate: "2026-06-01T00:00:00Z",
      expireDate: "2026-06-01T00:00:00Z",
    });
    expect(muteRuleActivity(r, at("2026-01-01T00:00:00Z"))).toEqual({
      state: "harmless",
      why: "the rule expires (2026-06-01T00:00:00.000Z) no later than it takes effect (2026-06-01T00:00:00.000Z)",
    });
  });

  it("a startDate reports `from` while it is ahead, and not once it has come", () => {
    const r = rule("cron(0 2 * * *)", "PT4H", "UTC", { startDate: "2026-06-01T00:00:00Z" });
    expect(muteRuleActivity(r, at("2026-05-31T23:59:00Z"))).toEqual(
      mutesFor("cron(0 2 * * *) for PT4H, UTC", { from: "2026-06-01T00:00:00Z" }),
    );
    expect(muteRuleActivity(r, at("2026-06-01T00:00:00Z"))).toEqual(mutesFor("cron(0 2 * * *) for PT4H, UTC"));
  });
});
