/**
 * The reason line of a `misses` verdict, built from miss groups (lib/coverage/reason.ts): which calls are missed, of
 * what kinds, and the clause to blame. The groups here are written by hand, so each rule of the wording is checked
 * on its own: the expected lines are the sentences the rules in reason.ts's comments describe.
 */
import type { Blame } from "../../lib/coverage/blame";
import { ALL_CALLS, joinWords, mergeGroups, missesVerdict, orderByEvents, withBroader } from "../../lib/coverage/reason";
import type { MissGroup, SubjectWords } from "../../lib/coverage/reason";
import type { BroaderThanRequired, CoverageVerdict } from "../../lib/coverage/types";

const NONE_BROADER: BroaderThanRequired = { matched: 0, of: 17, examples: [] };
const BY_EVENT: SubjectWords = { subjectStyle: "eventName", notes: {} };
const BY_LABEL: SubjectWords = { subjectStyle: "label", notes: {} };

function clauses(...texts: string[]): Blame {
  return { kind: "clauses", clauses: texts };
}

function group(events: string[], kinds: string[], blame: Blame): MissGroup {
  return { events, kinds, blame };
}

function reason(groups: MissGroup[], words: SubjectWords = BY_EVENT): string {
  const verdict = missesVerdict(groups, NONE_BROADER, words);
  if (verdict.verdict !== "misses") throw new Error(`expected misses, got ${verdict.verdict}`);
  return verdict.reason;
}

describe("a group of calls named by event", () => {
  test("its events, its kinds and the clause to blame", () => {
    const line = reason([group(["StopLogging"], ["calls that fail"], clauses("$.errorCode NOT EXISTS"))]);
    expect(line).toBe("misses StopLogging calls that fail, because of `$.errorCode NOT EXISTS`");
  });

  test("every call of its events, blamed on two clauses", () => {
    const line = reason([group(["CreateTrail", "UpdateTrail"], [ALL_CALLS], clauses("$.a = 1", "$.b = 2"))]);
    expect(line).toBe("misses all CreateTrail and UpdateTrail calls, because of `$.a = 1` and `$.b = 2`");
  });

  test("one event no clause names, with the nearest clause as a hint", () => {
    const blame: Blame = { kind: "noClauseForEvent", hint: "nearest: `$.eventName = StopLoging`" };
    const line = reason([group(["StopLogging"], [ALL_CALLS], blame)]);
    expect(line).toBe(
      "misses all StopLogging calls: no clause matches eventName StopLogging (nearest: `$.eventName = StopLoging`)",
    );
  });

  test("several events no clause names, without a hint", () => {
    const line = reason([group(["CreateTrail", "UpdateTrail", "DeleteTrail"], [ALL_CALLS], { kind: "noClauseForEvent" })]);
    expect(line).toBe("misses all CreateTrail, UpdateTrail and DeleteTrail calls: no clause matches their eventName");
  });

  test("at most three kinds, then how many more", () => {
    const four = ["calls that fail", "console calls", "calls by the root user", "calls outside us-east-1"];
    expect(reason([group(["StopLogging"], four, clauses("$.x = 1"))])).toBe(
      "misses StopLogging calls that fail, console calls, calls by the root user and 1 more kind, because of `$.x = 1`",
    );
    expect(reason([group(["StopLogging"], [...four, "calls by roles"], clauses("$.x = 1"))])).toBe(
      "misses StopLogging calls that fail, console calls, calls by the root user and 2 more kinds, because of `$.x = 1`",
    );
    expect(reason([group(["StopLogging"], four.slice(0, 3), clauses("$.x = 1"))])).toBe(
      "misses StopLogging calls that fail, console calls and calls by the root user, because of `$.x = 1`",
    );
  });

  test("a subject the control explains gets its note", () => {
    const words: SubjectWords = { subjectStyle: "eventName", notes: { StopLogging: "it turns a trail off" } };
    expect(reason([group(["StartLogging", "StopLogging"], ["calls that fail"], clauses("$.x = 1"))], words)).toBe(
      "misses StartLogging and StopLogging calls that fail, because of `$.x = 1` (StopLogging: it turns a trail off)",
    );
    const both: SubjectWords = {
      subjectStyle: "eventName",
      notes: { StartLogging: "it turns a trail on", StopLogging: "it turns a trail off" },
    };
    expect(reason([group(["StartLogging", "StopLogging"], ["calls that fail"], clauses("$.x = 1"))], both)).toBe(
      "misses StartLogging and StopLogging calls that fail, because of `$.x = 1` (StartLogging: it turns a trail on) (StopLogging: it turns a trail off)",
    );
    const none: MissGroup = group(["StopLogging"], [ALL_CALLS], { kind: "noClauseForEvent" });
    expect(reason([none], words)).toBe(
      "misses all StopLogging calls: no clause matches eventName StopLogging (StopLogging: it turns a trail off)",
    );
  });
});

describe("several groups", () => {
  test("a group about the same events, for another clause, continues the sentence before", () => {
    const line = reason([
      group(["CreateTrail", "StopLogging"], ["calls that fail"], clauses("$.errorCode NOT EXISTS")),
      group(["CreateTrail", "StopLogging"], ["calls by the root user"], clauses('$.userIdentity.type = "IAMUser"')),
    ]);
    expect(line).toBe(
      "misses CreateTrail and StopLogging calls that fail, because of `$.errorCode NOT EXISTS`, and calls by the root user, because of `$.userIdentity.type = \"IAMUser\"`",
    );
  });

  test("a continuing group blamed on two clauses names both", () => {
    const line = reason([
      group(["StopLogging"], ["calls that fail"], clauses("$.errorCode NOT EXISTS")),
      group(["StopLogging"], ["console calls"], clauses("$.a = 1", "$.b = 2")),
    ]);
    expect(line).toBe(
      "misses StopLogging calls that fail, because of `$.errorCode NOT EXISTS`, and console calls, because of `$.a = 1` and `$.b = 2`",
    );
  });

  test("groups about other events, every call, or no clause make sentences of their own", () => {
    const failing = group(["StopLogging"], ["calls that fail"], clauses("$.errorCode NOT EXISTS"));
    expect(reason([failing, group(["StartLogging"], ["calls by the root user"], clauses("$.y = 2"))])).toBe(
      "misses StopLogging calls that fail, because of `$.errorCode NOT EXISTS`; " +
        "misses StartLogging calls by the root user, because of `$.y = 2`",
    );
    expect(reason([failing, group(["StopLogging"], [ALL_CALLS], clauses("$.y = 2"))])).toBe(
      "misses StopLogging calls that fail, because of `$.errorCode NOT EXISTS`; " +
        "misses all StopLogging calls, because of `$.y = 2`",
    );
    expect(reason([group(["StopLogging"], [ALL_CALLS], clauses("$.y = 2")), failing])).toBe(
      "misses all StopLogging calls, because of `$.y = 2`; " +
        "misses StopLogging calls that fail, because of `$.errorCode NOT EXISTS`",
    );
    expect(reason([group(["StopLogging"], ["calls by the root user"], { kind: "noClauseForEvent" }), failing])).toBe(
      "misses StopLogging calls by the root user: no clause matches eventName StopLogging; " +
        "misses StopLogging calls that fail, because of `$.errorCode NOT EXISTS`",
    );
  });

  test("at most three are said, then how many more", () => {
    const groups = ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"].map((event, index) =>
      group([event], ["calls that fail"], clauses(`$.c${index} = 1`)),
    );
    expect(reason(groups.slice(0, 3))).toBe(
      "misses CreateTrail calls that fail, because of `$.c0 = 1`; misses UpdateTrail calls that fail, because of `$.c1 = 1`; " +
        "misses DeleteTrail calls that fail, because of `$.c2 = 1`",
    );
    expect(reason(groups)).toBe(
      "misses CreateTrail calls that fail, because of `$.c0 = 1`; misses UpdateTrail calls that fail, because of `$.c1 = 1`; " +
        "misses DeleteTrail calls that fail, because of `$.c2 = 1`; and 2 more",
    );
  });
});

describe("the missed events listed beside the reason", () => {
  test("each event once, in the order first met, with the kinds of all its groups", () => {
    const verdict = missesVerdict(
      [
        group(["StopLogging", "CreateTrail"], ["calls that fail"], clauses("$.a = 1")),
        group(["CreateTrail"], ["calls that fail", "console calls"], clauses("$.b = 1")),
        group(["StartLogging"], ["console calls"], clauses("$.c = 1")),
        group(["StartLogging"], [ALL_CALLS], clauses("$.d = 1")),
      ],
      NONE_BROADER,
      BY_EVENT,
    );
    expect(verdict.verdict === "misses" && verdict.missed).toEqual([
      { eventName: "StopLogging", kinds: ["calls that fail"] },
      { eventName: "CreateTrail", kinds: ["calls that fail", "console calls"] },
      // Every call missed says it all: the narrower kind is dropped.
      { eventName: "StartLogging", kinds: ["all calls"] },
    ]);
  });
});

describe("a group of labelled records (families not named by event)", () => {
  const IAM = "root calls to iam.amazonaws.com";
  const S3 = "root calls to s3.amazonaws.com";

  test("labels that differ in their last word share the rest", () => {
    expect(reason([group([IAM, S3], [ALL_CALLS], clauses("$.x = 1"))], BY_LABEL)).toBe(
      "misses all root calls to iam.amazonaws.com and s3.amazonaws.com, because of `$.x = 1`",
    );
    expect(
      reason([group([IAM, S3, "root calls to ec2.amazonaws.com"], [ALL_CALLS], clauses("$.x = 1"))], BY_LABEL),
    ).toBe("misses all root calls to iam.amazonaws.com, s3.amazonaws.com and ec2.amazonaws.com, because of `$.x = 1`");
  });

  test("labels that differ elsewhere, or in length, or of one word are listed whole", () => {
    const say = (labels: string[]) => reason([group(labels, [ALL_CALLS], clauses("$.x = 1"))], BY_LABEL);
    expect(say([IAM, "console sign-ins to iam.amazonaws.com"])).toBe(
      "misses all root calls to iam.amazonaws.com and console sign-ins to iam.amazonaws.com, because of `$.x = 1`",
    );
    expect(say([IAM, "root calls to the s3.amazonaws.com"])).toBe(
      "misses all root calls to iam.amazonaws.com and root calls to the s3.amazonaws.com, because of `$.x = 1`",
    );
    expect(say(["iam", "s3"])).toBe("misses all iam and s3, because of `$.x = 1`");
    expect(say([IAM])).toBe("misses all root calls to iam.amazonaws.com, because of `$.x = 1`");
  });

  test("one kind reads as part of the label, several follow a colon", () => {
    const say = (kinds: string[]) => reason([group([IAM], kinds, clauses("$.x = 1"))], BY_LABEL);
    expect(say(["calls that fail"])).toBe("misses root calls to iam.amazonaws.com that fail, because of `$.x = 1`");
    expect(say(["console calls"])).toBe("misses console root calls to iam.amazonaws.com, because of `$.x = 1`");
    expect(say(["event version 1.08"])).toBe(
      "misses root calls to iam.amazonaws.com (event version 1.08), because of `$.x = 1`",
    );
    expect(say(["calls that fail", "console calls"])).toBe(
      "misses root calls to iam.amazonaws.com: calls that fail and console calls, because of `$.x = 1`",
    );
    expect(say(["a", "b", "c", "d", "e"])).toBe(
      "misses root calls to iam.amazonaws.com: a, b, c and 2 more kinds, because of `$.x = 1`",
    );
  });

  test("labels no clause reaches, with and without a hint, and the control's note", () => {
    const words: SubjectWords = { subjectStyle: "label", notes: { [S3]: "the root user owns every bucket" } };
    expect(reason([group([IAM, S3], [ALL_CALLS], { kind: "noClauseForEvent", hint: "nearest: `$.a = 1`" })], words)).toBe(
      "misses all root calls to iam.amazonaws.com and s3.amazonaws.com: no clause matches their eventName (nearest: `$.a = 1`)" +
        ` (${S3}: the root user owns every bucket)`,
    );
    expect(reason([group([IAM], ["calls that fail"], { kind: "noClauseForEvent" })], words)).toBe(
      "misses root calls to iam.amazonaws.com that fail: no clause matches their eventName",
    );
    expect(reason([group([S3], ["calls that fail"], clauses("$.x = 1"))], words)).toBe(
      `misses root calls to s3.amazonaws.com that fail, because of \`$.x = 1\` (${S3}: the root user owns every bucket)`,
    );
  });
});

describe("joinWords", () => {
  test.each([
    [[], ""],
    [["a"], "a"],
    [["a", "b"], "a and b"],
    [["a", "b", "c"], "a, b and c"],
    [["a", "b", "c", "d"], "a, b, c and d"],
  ])("%j reads %j", (words, expected) => {
    expect(joinWords(words)).toBe(expected);
  });
});

describe("mergeGroups", () => {
  test("groups with the same clause and kinds share their events; then those with the same events share kinds", () => {
    const merged = mergeGroups([
      group(["CreateTrail"], ["calls that fail"], clauses("$.a = 1")),
      group(["StopLogging"], ["console calls"], clauses("$.b = 1")),
      group(["UpdateTrail"], ["calls that fail"], clauses("$.a = 1")),
      group(["CreateTrail", "UpdateTrail"], ["calls by the root user"], clauses("$.a = 1")),
      group(["UpdateTrail"], ["calls that fail"], clauses("$.c = 1")),
    ]);
    expect(merged).toEqual([
      group(["CreateTrail", "UpdateTrail"], ["calls that fail", "calls by the root user"], clauses("$.a = 1")),
      group(["StopLogging"], ["console calls"], clauses("$.b = 1")),
      group(["UpdateTrail"], ["calls that fail"], clauses("$.c = 1")),
    ]);
  });

  test("an event or a kind both groups name is listed once", () => {
    const merged = mergeGroups([
      group(["CreateTrail", "UpdateTrail"], ["calls that fail"], clauses("$.a = 1")),
      group(["UpdateTrail", "StopLogging"], ["calls that fail"], clauses("$.a = 1")),
      group(["CreateTrail", "UpdateTrail", "StopLogging"], ["console calls", "calls that fail"], clauses("$.a = 1")),
    ]);
    expect(merged).toEqual([
      group(["CreateTrail", "UpdateTrail", "StopLogging"], ["calls that fail", "console calls"], clauses("$.a = 1")),
    ]);
  });

  test("lists of kinds or events that run together alike are still different lists", () => {
    // Kinds and labels are words: nothing stops one from ending where another begins.
    const byKinds = [
      group(["CreateTrail"], ["calls by", "the root user"], clauses("$.a = 1")),
      group(["UpdateTrail"], ["calls bythe root user"], clauses("$.a = 1")),
    ];
    expect(mergeGroups(byKinds)).toEqual(byKinds);
    const byEvents = [
      group(["root calls to", "iam.amazonaws.com"], ["calls that fail"], clauses("$.a = 1")),
      group(["root calls toiam.amazonaws.com"], ["console calls"], clauses("$.a = 1")),
    ];
    expect(mergeGroups(byEvents)).toEqual(byEvents);
  });

  test("a different blame, or no clause with another hint, keeps groups apart", () => {
    const groups = [
      group(["CreateTrail"], [ALL_CALLS], { kind: "noClauseForEvent", hint: "nearest: `$.a = 1`" }),
      group(["UpdateTrail"], [ALL_CALLS], { kind: "noClauseForEvent" }),
      group(["DeleteTrail"], [ALL_CALLS], { kind: "noClauseForEvent" }),
      group(["StartLogging"], [ALL_CALLS], clauses("$.a = 1", "$.b = 1")),
      group(["StopLogging"], [ALL_CALLS], clauses("$.a = 1")),
    ];
    expect(mergeGroups(groups)).toEqual([
      groups[0],
      group(["UpdateTrail", "DeleteTrail"], [ALL_CALLS], { kind: "noClauseForEvent" }),
      groups[3],
      groups[4],
    ]);
  });
});

describe("orderByEvents", () => {
  test("puts groups in the order of their first event among the control's events", () => {
    const names = ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"];
    const stop = group(["StopLogging"], [ALL_CALLS], clauses("$.a = 1"));
    const create = group(["CreateTrail", "StopLogging"], [ALL_CALLS], clauses("$.b = 1"));
    const start = group(["StartLogging"], [ALL_CALLS], clauses("$.c = 1"));
    const groups = [stop, start, create];
    expect(orderByEvents(groups, names)).toEqual([create, start, stop]);
    expect(groups).toEqual([stop, start, create]);
  });
});

describe("withBroader", () => {
  const covers: CoverageVerdict = { verdict: "covers" };

  test("adds the negative controls matched when there are any", () => {
    const broader: BroaderThanRequired = { matched: 1, of: 17, examples: ["a read: GetTrail"] };
    expect(withBroader(covers, broader)).toEqual({ verdict: "covers", broaderThanRequired: broader });
  });

  test("says nothing when none is matched", () => {
    expect(withBroader(covers, NONE_BROADER)).toEqual({ verdict: "covers" });
    expect(missesVerdict([group(["StopLogging"], [ALL_CALLS], clauses("$.a = 1"))], NONE_BROADER, BY_EVENT)).not.toHaveProperty(
      "broaderThanRequired",
    );
  });
});
