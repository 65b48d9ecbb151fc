// The fuzzer's inputs: the same seed gives the same inputs (so a report's seed reproduces it), another seed others,
// and what is generated reaches what the sections promise (every pattern form, every CIS prescribed text, both
// providers, both phases, markers in every free-text value).
import { allControls } from "../../lib/controls";
import { parseFilterPattern } from "../../lib/filter-pattern";
import { patternSeeds, prescribedPatternTexts } from "../../fuzz/generators/pattern-seeds";
import { patternBatch } from "../../fuzz/sections/patterns";
import { stackBatch } from "../../fuzz/sections/stacks";
import { toolRoot } from "../../tools/project-root";

const root = toolRoot(__dirname);
const seeds = patternSeeds(root);

describe("pattern inputs", () => {
  it("are the same for the same seed and batch, and differ for another seed", () => {
    expect(patternBatch(42, 3, 200, seeds)).toEqual(patternBatch(42, 3, 200, seeds));
    expect(patternBatch(43, 3, 200, seeds)).not.toEqual(patternBatch(42, 3, 200, seeds));
  });

  it("start from every pattern text a CIS version or Security Hub prescribes, for all fifteen controls", () => {
    const texts = allControls.flatMap((control) => control.prescribedPatterns.map((p) => p.text));
    expect(allControls).toHaveLength(15);
    for (const text of texts) expect(seeds).toContain(text);
    expect(prescribedPatternTexts().length).toBeGreaterThanOrEqual(15);
    // The first batch holds every seed as it is, then generated and mutated ones.
    expect(
      patternBatch(1, 0, 10, seeds)
        .slice(0, seeds.length)
        .map((input) => input.text),
    ).toEqual(seeds);
  });

  it("reach every kind of pattern, valid and invalid, and lengths over the limit", () => {
    const kinds = new Set<string>();
    let invalid = 0;
    let overLimit = 0;
    for (let batch = 1; batch <= 5; batch++) {
      for (const { text } of patternBatch(7, batch, 400, seeds)) {
        const parsed = parseFilterPattern(text);
        if (parsed.ok) kinds.add(parsed.pattern.kind);
        else invalid++;
        if (Array.from(text).length > 1024) overLimit++;
      }
    }
    expect([...kinds].sort()).toEqual(["delimited", "json", "matchAll", "regex", "terms"]);
    expect(invalid).toBeGreaterThan(100);
    expect(overLimit).toBeGreaterThan(0);
  });
});

describe("stack inputs", () => {
  it("are the same for the same seed and batch, and differ for another seed", () => {
    const first = stackBatch(5, 2, 10).map((c) => c.resources);
    expect(stackBatch(5, 2, 10).map((c) => c.resources)).toEqual(first);
    expect(stackBatch(6, 2, 10).map((c) => c.resources)).not.toEqual(first);
  });

  it("hold both providers, both phases, routing resources and markers in free text", () => {
    const cases = [0, 1, 2, 3, 4].flatMap((batch) => stackBatch(9, batch, 20));
    const types = new Set(cases.flatMap((c) => c.resources.map((r) => r.type)));
    for (const type of [
      "aws:cloudtrail/trail:Trail",
      "aws-native:logs:MetricFilter",
      "aws:kms/keyPolicy:KeyPolicy",
      "aws:cloudwatch/alarmMuteRule:AlarmMuteRule",
      "aws-native:cloudwatch:CompositeAlarm",
    ]) {
      expect(types).toContain(type);
    }
    expect(new Set(cases.map((c) => c.stackCase.plan.phase))).toEqual(new Set(["preview", "deployed"]));
    expect(JSON.stringify(cases)).toMatch(/SECRET-\d+/);
  });
});
