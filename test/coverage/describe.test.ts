/**
 * The last words a reason falls back on when no kind of call fits the missed calls: the value the missed calls hold
 * in the tested field (a variant's kind is named this way too), or an example record and a count. The texts are the
 * words a user reads in a `misses` reason.
 */
import type { FamilyRecord } from "../../lib/cloudtrail";
import { describeValue, sampleCount } from "../../lib/coverage/describe";

describe("describeValue: the calls holding a value in a field", () => {
  test.each([
    ["absent", undefined, "calls without userAgent"],
    ["null", null, "calls whose userAgent is null"],
    ["a string, quoted as JSON", 'aws-cli/2 "beta"', 'calls whose userAgent is "aws-cli/2 \\"beta\\""'],
    ["an object", { zz: "zz" }, "calls whose userAgent is an object"],
    ["an array", ["zz"], "calls whose userAgent is an array"],
    ["a number", 1.08, "calls whose userAgent is 1.08"],
    ["a boolean", false, "calls whose userAgent is false"],
  ] as const)("%s", (_name, value, words) => {
    expect(describeValue(["userAgent"], value)).toBe(words);
  });

  test("a nested field is named by its dotted path", () => {
    expect(describeValue(["userIdentity", "type"], "SAMLUser")).toBe('calls whose userIdentity.type is "SAMLUser"');
  });
});

describe("sampleCount: an example record and how many of the sample calls were missed", () => {
  const record: FamilyRecord = {
    id: "StopLogging/root-console/success/1.08/arn/us-east-1",
    eventName: "StopLogging",
    subject: "StopLogging",
    kinds: [],
    kindsByAspect: { outcome: [], caller: [], client: [], trail: [], region: [], version: [] },
    record: { eventName: "StopLogging" },
    message: '{"eventName":"StopLogging"}',
  };

  test("one event: its sample calls", () => {
    expect(sampleCount(record, 23, 45)).toBe(
      "calls such as StopLogging/root-console/success/1.08/arn/us-east-1 (23 of its 45 sample calls)",
    );
    expect(sampleCount(record, 23, 45, 1)).toBe(
      "calls such as StopLogging/root-console/success/1.08/arn/us-east-1 (23 of its 45 sample calls)",
    );
  });

  test("several events: their sample calls", () => {
    expect(sampleCount(record, 3, 90, 2)).toBe(
      "calls such as StopLogging/root-console/success/1.08/arn/us-east-1 (3 of their 90 sample calls)",
    );
  });

  test("no example record: none", () => {
    expect(sampleCount(undefined, 0, 45)).toBe("calls such as none (0 of its 45 sample calls)");
  });
});
