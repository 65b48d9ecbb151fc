// Reading Pulumi's YAML files. Expected values follow the YAML 1.2.2 specification (https://yaml.org/spec/1.2.2/):
// the failsafe schema keeps every scalar as a string (10.1), the core schema types true/false, numbers and null
// (10.3); merge keys are the YAML 1.1 type https://yaml.org/type/merge.html that Go's yaml packages also apply.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readPolicyProjectVersion } from "../../tools/engine";
import { readYamlText } from "../../tools/engine/pulumi-yaml";

function value(text: string, reading: "text" | "typed"): unknown {
  const result = readYamlText(text, reading);
  if (!result.ok) throw new Error(`unexpected failure: ${result.message}`);
  return result.value;
}

describe("readYamlText", () => {
  const document = [
    "# a stack file",
    "config:",
    "  p:version: 1.10",
    "  p:enabled: true",
    "  p:mode: 0777",
    "  p:empty:",
    "  p:quoted: 'null'",
    "  p:day: 2024-01-31",
    "  p:defaults: &defaults {period: 300, statistic: Sum}",
    "  p:alarms:",
    "    - name: changes",
    "      <<: *defaults",
    "    - name: console",
    "      period: 60",
    "  p:note: |",
    "    two",
    "    lines",
    "",
  ].join("\n");

  it("keeps every scalar's text in the text reading, null aside", () => {
    expect(value(document, "text")).toEqual({
      config: {
        "p:version": "1.10",
        "p:enabled": "true",
        "p:mode": "0777",
        "p:empty": null,
        "p:quoted": "null",
        "p:day": "2024-01-31",
        "p:defaults": { period: "300", statistic: "Sum" },
        "p:alarms": [
          { name: "changes", period: "300", statistic: "Sum" },
          { name: "console", period: "60" },
        ],
        "p:note": "two\nlines\n",
      },
    });
  });

  it("types plain scalars by the core schema in the typed reading; quoted ones and timestamps stay strings", () => {
    const config = (value(document, "typed") as { config: Record<string, unknown> }).config;
    expect(config["p:version"]).toBe(1.1);
    expect(config["p:enabled"]).toBe(true);
    // Core schema: 0777 is a decimal integer (octal needs 0o, 10.3.2).
    expect(config["p:mode"]).toBe(777);
    expect(config["p:quoted"]).toBe("null");
    expect(config["p:day"]).toBe("2024-01-31");
    expect(config["p:alarms"]).toEqual([
      { name: "changes", period: 300, statistic: "Sum" },
      { name: "console", period: 60 },
    ]);
  });

  it("reads an empty document as an empty mapping", () => {
    expect(value("# nothing\n", "text")).toEqual({});
  });

  it.each([
    ["an over-indented key", "a: 1\n    b: 2\n", 2],
    ["a key given twice", "a: 1\nb: 2\na: 3\n", 3],
    ["an alias to no anchor", "a: 1\nb: *nowhere\n", 2],
    ["an unterminated quote", "a: 'x\n", 2],
    ["a tab for indentation", "config:\n\taws:region: x\n", 2],
  ])("reports %s with its 1-based line", (_what, text, line) => {
    const result = readYamlText(text, "text");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.line).toBe(line);
      expect(result.message).not.toBe("");
    }
  });
});

describe("readPolicyProjectVersion (PulumiPolicy.yaml)", () => {
  function packDir(policyYaml?: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-yaml-"));
    if (policyYaml !== undefined) fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), policyYaml);
    return dir;
  }

  it("gives version's text, which overrides package.json's", () => {
    expect(readPolicyProjectVersion(packDir("runtime: nodejs\nversion: 1.10\n"))).toBe("1.10");
    expect(readPolicyProjectVersion(packDir("runtime:\n  name: nodejs\nversion: '2.0.0-beta' # pre-release\n"))).toBe(
      "2.0.0-beta",
    );
  });

  it("gives nothing without a version", () => {
    expect(readPolicyProjectVersion(packDir("runtime: nodejs\ndescription: |\n  version: 9\n"))).toBeUndefined();
  });

  it("requires the file, and reports bad YAML with its position", () => {
    expect(() => readPolicyProjectVersion(packDir())).toThrow(/PulumiPolicy\.yaml is missing/);
    expect(() => readPolicyProjectVersion(packDir("runtime: nodejs\n  version: 1\n"))).toThrow(
      /PulumiPolicy\.yaml:2:\d+: /,
    );
  });
});
