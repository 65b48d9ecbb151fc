// Pure tests of the CLI's config reconciliation as tools/engine implements it (pkg/resource/analyzer/config.go).
// Expected values are worked out by hand from the CLI's rules: schema defaults, then initialConfig, then the file
// ("all" first, then per-policy entries; properties merged shallowly), then validation against each schema.
// Schema messages use Ajv's wording (see test/engine/json-schema.test.ts), prefixed with the policy and property.
import * as os from "os";
import * as path from "path";
import * as fs from "fs";
import {
  parsePolicyPackConfigText,
  PolicyConfigError,
  PolicyPackInfo,
  readPolicyPackConfigFile,
  reconcilePolicyConfig,
} from "../../tools/engine";

/** A small pack: one policy with a rich schema, one without config, one advisory with a list default. */
function samplePack(initialConfig: Record<string, unknown> = {}): PolicyPackInfo {
  return {
    name: "sample",
    version: "1.2.3",
    policies: [
      {
        name: "alarm",
        description: "An alarm must exist.",
        enforcementLevel: "mandatory",
        severity: "medium",
        configSchema: {
          properties: {
            period: { type: "integer", minimum: 10, maximum: 86400, default: 300, description: "Longest period." },
            statistic: { type: "string", enum: ["Sum", "SampleCount"], default: "Sum" },
            actions: { type: "array", items: { type: "string", pattern: "^arn:" }, minItems: 1 },
          },
        },
      },
      {
        name: "logs",
        description: "Trails stream to CloudWatch Logs.",
        enforcementLevel: "mandatory",
        severity: "medium",
      },
      {
        name: "filter",
        description: "A filter counts the events.",
        enforcementLevel: "advisory",
        severity: "low",
        configSchema: {
          properties: { events: { type: "array", items: { type: "string" }, uniqueItems: true, default: ["A", "B"] } },
        },
      },
    ],
    initialConfig,
  };
}

/** Runs `fn`, expecting a PolicyConfigError, and returns its problems. */
function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyConfigError);
    return (e as PolicyConfigError).problems;
  }
  throw new Error("expected a PolicyConfigError, but nothing was thrown");
}

describe("reconcilePolicyConfig: what the CLI sends with Configure", () => {
  it("without a file, gives every policy its own level and its schema defaults", () => {
    expect(reconcilePolicyConfig(samplePack(), undefined)).toEqual({
      policies: {
        alarm: { enforcementLevel: "mandatory", properties: { period: 300, statistic: "Sum" } },
        logs: { enforcementLevel: "mandatory", properties: {} },
        filter: { enforcementLevel: "advisory", properties: { events: ["A", "B"] } },
      },
      warnings: [],
    });
  });

  it('"all" sets every level and keeps the properties', () => {
    const result = reconcilePolicyConfig(samplePack(), { all: "advisory" });
    expect(result.policies.alarm).toEqual({
      enforcementLevel: "advisory",
      properties: { period: 300, statistic: "Sum" },
    });
    expect(result.policies.logs.enforcementLevel).toBe("advisory");
    expect(result.policies.filter.enforcementLevel).toBe("advisory");
  });

  it('a per-policy entry overrides "all" in the same file', () => {
    const result = reconcilePolicyConfig(samplePack(), { all: "disabled", alarm: "mandatory" });
    expect(result.policies.alarm.enforcementLevel).toBe("mandatory");
    expect(result.policies.logs.enforcementLevel).toBe("disabled");
    expect(result.policies.filter.enforcementLevel).toBe("disabled");
  });

  it("merges given properties over the defaults and keeps the policy's level when the entry has none", () => {
    const result = reconcilePolicyConfig(samplePack(), { alarm: { period: 60 } });
    expect(result.policies.alarm).toEqual({
      enforcementLevel: "mandatory",
      properties: { period: 60, statistic: "Sum" },
    });
  });

  it("takes an object entry's enforcementLevel out of the properties", () => {
    const result = reconcilePolicyConfig(samplePack(), {
      alarm: { enforcementLevel: "disabled", statistic: "SampleCount" },
    });
    expect(result.policies.alarm).toEqual({
      enforcementLevel: "disabled",
      properties: { period: 300, statistic: "SampleCount" },
    });
  });

  it("ignores an empty entry, as the CLI does", () => {
    expect(reconcilePolicyConfig(samplePack(), { alarm: {} })).toEqual(reconcilePolicyConfig(samplePack(), undefined));
  });

  it("treats a whitespace-only file like no file", () => {
    expect(reconcilePolicyConfig(samplePack(), parsePolicyPackConfigText("  \n", "c.json"))).toEqual(
      reconcilePolicyConfig(samplePack(), undefined),
    );
  });

  it("applies initialConfig before the file", () => {
    const pack = samplePack({ alarm: { enforcementLevel: "advisory", period: 120, statistic: "SampleCount" } });
    expect(reconcilePolicyConfig(pack, undefined).policies.alarm).toEqual({
      enforcementLevel: "advisory",
      properties: { period: 120, statistic: "SampleCount" },
    });
    expect(reconcilePolicyConfig(pack, { alarm: { period: 60 } }).policies.alarm).toEqual({
      enforcementLevel: "advisory",
      properties: { period: 60, statistic: "SampleCount" },
    });
    expect(reconcilePolicyConfig(pack, { all: "mandatory" }).policies.alarm.enforcementLevel).toBe("mandatory");
  });

  it("lets an initialConfig entry that arrived as advisory (no level in the pack) override a mandatory policy", () => {
    // Over the wire an initialConfig entry always has a level; one the pack wrote without a level is advisory (0).
    const pack = samplePack({ logs: { enforcementLevel: "advisory" } });
    expect(reconcilePolicyConfig(pack, undefined).policies.logs.enforcementLevel).toBe("advisory");
  });

  it("warns about (but accepts) properties the schema does not declare, like the CLI", () => {
    const result = reconcilePolicyConfig(samplePack(), { alarm: { perod: 60 }, logs: { foo: 1 } });
    expect(result.policies.alarm.properties).toEqual({ period: 300, statistic: "Sum", perod: 60 });
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toContain("alarm");
    expect(result.warnings[0]).toContain('"perod"');
    expect(result.warnings[1]).toContain("logs");
  });

  it('warns that "environments" (ESC) is not resolved', () => {
    const result = reconcilePolicyConfig(samplePack(), { environments: ["org/policy-env"] });
    expect(result.warnings).toEqual([expect.stringContaining("environments")]);
  });
});

describe("reconcilePolicyConfig: bad config is a PolicyConfigError naming policy, property and problem", () => {
  it("starts its message with 'validating policy config'", () => {
    expect(() => reconcilePolicyConfig(samplePack(), { alarm: { period: 5 } })).toThrow(/^validating policy config:/);
  });

  it("rejects a key that is not a policy of the pack, listing the policies", () => {
    const problems = problemsOf(() => reconcilePolicyConfig(samplePack(), { alram: "advisory" }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"alram" is not a policy of this pack');
    expect(problems[0]).toContain("alarm, logs, filter");
  });

  it("rejects an invalid level string", () => {
    const problems = problemsOf(() => reconcilePolicyConfig(samplePack(), { all: "warn" }));
    expect(problems).toEqual([expect.stringContaining('"all": "warn" is not a valid enforcement level')]);
  });

  it("rejects an enforcementLevel that is not a string", () => {
    const problems = problemsOf(() => reconcilePolicyConfig(samplePack(), { alarm: { enforcementLevel: 1 } }));
    expect(problems).toEqual([
      expect.stringContaining('"alarm".enforcementLevel: number 1 is not a valid enforcement level'),
    ]);
  });

  it("rejects a value that is neither a level nor an object", () => {
    const problems = problemsOf(() => reconcilePolicyConfig(samplePack(), { alarm: 300 }));
    expect(problems).toEqual([
      expect.stringContaining('"alarm" must be an enforcement level string or an object, but is number 300'),
    ]);
  });

  it("checks minimum", () => {
    expect(problemsOf(() => reconcilePolicyConfig(samplePack(), { alarm: { period: 5 } }))).toEqual([
      "alarm: period: must be >= 10",
    ]);
  });

  it("checks maximum", () => {
    expect(problemsOf(() => reconcilePolicyConfig(samplePack(), { alarm: { period: 86401 } }))).toEqual([
      "alarm: period: must be <= 86400",
    ]);
  });

  it("checks type integer", () => {
    expect(problemsOf(() => reconcilePolicyConfig(samplePack(), { alarm: { period: 30.5 } }))).toEqual([
      "alarm: period: must be integer, but is number 30.5",
    ]);
    expect(problemsOf(() => reconcilePolicyConfig(samplePack(), { alarm: { period: "300" } }))).toEqual([
      'alarm: period: must be integer, but is string "300"',
    ]);
  });

  it("checks enum", () => {
    expect(problemsOf(() => reconcilePolicyConfig(samplePack(), { alarm: { statistic: "Average" } }))).toEqual([
      'alarm: statistic: must be one of "Sum", "SampleCount", but is "Average"',
    ]);
  });

  it("checks items, pattern and minItems", () => {
    expect(
      problemsOf(() => reconcilePolicyConfig(samplePack(), { alarm: { actions: ["arn:aws:sns:x", "topic"] } })),
    ).toEqual(['alarm: actions[1]: must match pattern "^arn:"']);
    expect(problemsOf(() => reconcilePolicyConfig(samplePack(), { alarm: { actions: [] } }))).toEqual([
      "alarm: actions: must NOT have fewer than 1 items",
    ]);
  });

  it("checks uniqueItems", () => {
    expect(problemsOf(() => reconcilePolicyConfig(samplePack(), { filter: { events: ["A", "B", "A"] } }))).toEqual([
      "filter: events: must NOT have duplicate items (items ## 2 and 0 are identical)",
    ]);
  });

  it("checks required", () => {
    const pack = samplePack();
    pack.policies[0].configSchema = { properties: { topic: { type: "string" } }, required: ["topic"] };
    expect(problemsOf(() => reconcilePolicyConfig(pack, undefined))).toEqual(["alarm: topic: is required"]);
  });

  it("reports every problem at once", () => {
    const problems = problemsOf(() =>
      reconcilePolicyConfig(samplePack(), { nope: "advisory", alarm: { period: 1, statistic: "Max" } }),
    );
    expect(problems).toHaveLength(3);
  });

  it("validates the pack's initialConfig too", () => {
    expect(
      problemsOf(() =>
        reconcilePolicyConfig(samplePack({ alarm: { enforcementLevel: "mandatory", period: 1 } }), undefined),
      ),
    ).toEqual(["alarm: period: must be >= 10"]);
  });
});

describe("parsePolicyPackConfigText and readPolicyPackConfigFile", () => {
  it("reports bad JSON with its line and column", () => {
    const problems = problemsOf(() => parsePolicyPackConfigText('{\n  "all": "advisory",\n}', "cfg.json"));
    expect(problems).toEqual(["cfg.json:3:1: invalid JSON: expected a property name in double quotes but found '}'"]);
  });

  it("reports a missing comma where it is", () => {
    const problems = problemsOf(() => parsePolicyPackConfigText('{"a": "advisory" "b": "mandatory"}', "cfg.json"));
    expect(problems).toEqual([`cfg.json:1:18: invalid JSON: expected ',' or '}' but found '"'`]);
  });

  it("reports a truncated file", () => {
    expect(problemsOf(() => parsePolicyPackConfigText('{"all": ', "cfg.json"))).toEqual([
      "cfg.json:1:9: invalid JSON: expected a value but found end of file",
    ]);
  });

  it("rejects a top level that is not an object", () => {
    expect(problemsOf(() => parsePolicyPackConfigText('["advisory"]', "cfg.json"))[0]).toContain(
      'cfg.json:1:1: the policy pack config must be a JSON object whose keys are policy names or "all"',
    );
  });

  it("rejects a key given twice, at the second one", () => {
    expect(
      problemsOf(() => parsePolicyPackConfigText('{"all": "advisory",\n "all": "mandatory"}', "cfg.json")),
    ).toEqual(['cfg.json:2:2: "all" appears more than once']);
  });

  it("keeps values, including nested ones and __proto__ keys, as plain data", () => {
    const parsed = parsePolicyPackConfigText(
      '{"alarm": {"period": 60, "x": [1.5e2, true, null, "\\u00e9"]}, "__proto__": "advisory"}',
      "c",
    );
    expect(parsed.alarm).toEqual({ period: 60, x: [150, true, null, "é"] });
    expect(Object.keys(parsed)).toEqual(["alarm", "__proto__"]);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it("reads a file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-config-"));
    const file = path.join(dir, "c.json");
    fs.writeFileSync(file, '{ "all": "advisory" }\n');
    expect(readPolicyPackConfigFile(file)).toEqual({ all: "advisory" });
    fs.rmSync(dir, { recursive: true });
  });

  it("reports a file it cannot read", () => {
    const missing = path.join(os.tmpdir(), "no-such-dir-for-policy-config", "c.json");
    expect(problemsOf(() => readPolicyPackConfigFile(missing))).toEqual([
      `cannot read the policy pack config file ${missing}: no such file (ENOENT)`,
    ]);
  });
});
