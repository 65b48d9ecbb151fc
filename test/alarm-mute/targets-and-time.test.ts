/**
 * What a rule without targets mutes, wall-time conversion across DST changes, and robustness on arbitrary input.
 *
 * DST facts, checked by hand: Europe/Paris changes at 01:00 UTC on 29 March 2026 (02:00 local becomes 03:00) and on
 * 25 October 2026 (03:00 local becomes 02:00), EU Directive 2000/84/EC; America/New_York changes on 8 March 2026 at
 * 02:00 local (07:00 UTC) and 1 November 2026 at 02:00 local (06:00 UTC), US Energy Policy Act of 2005.
 */
import fc from "fast-check";
import { muteRuleActivity, mutedAlarmNames, ruleWithoutTargetsMutes, wallTimeToInstants } from "../../lib/alarm-mute";

describe("targets", () => {
  it("a rule without targets mutes no alarm (MuteTargets: the targeted alarms' actions are muted)", () => {
    expect(ruleWithoutTargetsMutes).toBe("none");
  });

  it.each<[unknown, string[]]>([
    [undefined, []],
    [null, []],
    [{}, []],
    [{ alarmNames: [] }, []],
    [{ alarmNames: "trail-changes" }, []],
    [{ alarmNames: ["trail-changes", "root-usage"] }, ["trail-changes", "root-usage"]],
    [{ alarmNames: ["trail-changes", undefined] }, ["trail-changes"]],
    [{ alarmNames: [42, "root-usage", null] }, ["root-usage"]],
  ])("%j targets %j", (targets, names) => {
    // toStrictEqual: toEqual would take ["trail-changes", undefined] for ["trail-changes"].
    expect(mutedAlarmNames(targets)).toStrictEqual(names);
  });
});

describe("wall time to instants", () => {
  const wall = (year: number, month: number, day: number, hour: number, minute = 0) => ({
    year,
    month,
    day,
    hour,
    minute,
    second: 0,
  });
  const iso = (instants: number[]) => instants.map((t) => new Date(t).toISOString());

  it.each<[string, ReturnType<typeof wall>, string, string[]]>([
    ["Paris winter (UTC+1)", wall(2026, 1, 15, 12), "Europe/Paris", ["2026-01-15T11:00:00.000Z"]],
    ["Paris summer (UTC+2)", wall(2026, 7, 15, 12), "Europe/Paris", ["2026-07-15T10:00:00.000Z"]],
    [
      "Paris, skipped 02:30 on 29 March",
      wall(2026, 3, 29, 2, 30),
      "Europe/Paris",
      ["2026-03-29T00:30:00.000Z", "2026-03-29T01:30:00.000Z"],
    ],
    [
      "Paris, repeated 02:30 on 25 October",
      wall(2026, 10, 25, 2, 30),
      "Europe/Paris",
      ["2026-10-25T00:30:00.000Z", "2026-10-25T01:30:00.000Z"],
    ],
    [
      "New York, skipped 02:30 on 8 March",
      wall(2026, 3, 8, 2, 30),
      "America/New_York",
      ["2026-03-08T06:30:00.000Z", "2026-03-08T07:30:00.000Z"],
    ],
    [
      "New York, repeated 01:30 on 1 November",
      wall(2026, 11, 1, 1, 30),
      "America/New_York",
      ["2026-11-01T05:30:00.000Z", "2026-11-01T06:30:00.000Z"],
    ],
    // A day either side of a change: one instant, at the offset in force that day.
    [
      "Paris, noon on 29 March, after the change (UTC+2)",
      wall(2026, 3, 29, 12),
      "Europe/Paris",
      ["2026-03-29T10:00:00.000Z"],
    ],
    [
      "Paris, noon on 28 March, the day before (UTC+1)",
      wall(2026, 3, 28, 12),
      "Europe/Paris",
      ["2026-03-28T11:00:00.000Z"],
    ],
    ["UTC", wall(2026, 3, 29, 2, 30), "UTC", ["2026-03-29T02:30:00.000Z"]],
    ["Tokyo (UTC+9, no DST)", wall(2026, 1, 1, 0), "Asia/Tokyo", ["2025-12-31T15:00:00.000Z"]],
  ])("%s", (_what, w, zone, expected) => {
    expect(iso(wallTimeToInstants(w, zone))).toEqual(expected);
  });
});

describe("robustness", () => {
  it("never throws, whatever the properties hold", () => {
    const anything = fc.oneof(fc.string({ maxLength: 30 }), fc.constant(undefined), fc.integer(), fc.constant(null));
    const expression = fc.oneof(
      anything,
      fc.constantFrom(
        "cron(0 2 * * *)",
        "at(2026-03-29T02:30)",
        "cron(* * * * *)",
        "at(9999-12-31T23:59)",
        "at(0000-01-01T00:00)",
      ),
    );
    const date = fc.oneof(
      anything,
      fc.constantFrom("2026-10-25T02:30", "2026-12-31T23:59:00+14:00", "0001-01-01T00:00Z"),
    );
    fc.assert(
      fc.property(
        expression,
        anything,
        fc.oneof(anything, fc.constantFrom("Europe/Paris", "UTC")),
        date,
        date,
        anything,
        fc.date(),
        (e, d, z, s, x, st, now) => {
          const activity = muteRuleActivity(
            {
              rule: { schedule: { expression: e, duration: d ?? "PT1H", timezone: z } },
              startDate: s,
              expireDate: x,
              status: st,
            },
            now,
          );
          if (!["harmless", "mutes", "unknown"].includes(activity.state))
            throw new Error(`bad state ${activity.state}`);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
