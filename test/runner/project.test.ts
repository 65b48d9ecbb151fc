// Reading a program directory as the Pulumi CLI does before it runs the program. Config values are checked against
// pulumi/pulumi sdk/go/common/resource/config/value.go (`unmarshalValue`: a scalar is decoded as a string, so it
// keeps its text; an object or list becomes JSON of its values; `{secure: ...}` is ciphertext) and
// https://www.pulumi.com/docs/iac/concepts/config/ (structured configuration, project-level `config:` in Pulumi.yaml).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RunnerError } from "../../tools/runner/errors";
import { readProgramProject } from "../../tools/runner/project";

function programDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "project-"));
  fs.writeFileSync(path.join(dir, "index.ts"), "export {};\n");
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function failure(dir: string): RunnerError {
  try {
    readProgramProject(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(RunnerError);
    return e as RunnerError;
  }
  throw new Error("expected a RunnerError");
}

describe("readProgramProject", () => {
  it("keeps scalar config values as the text written, whatever YAML would type them as", () => {
    const dir = programDir({
      "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
      "Pulumi.dev.yaml": [
        "config:",
        "  aws:region: us-east-1",
        "  demo:version: 1.10",
        "  demo:enabled: true",
        "  demo:mode: 0777",
        "  demo:empty:",
        "  demo:multi: >-",
        "    folded",
        "    text",
        "",
      ].join("\n"),
    });
    const { config } = readProgramProject(dir);
    expect(config).toEqual({
      "aws:region": { value: "us-east-1", secure: false },
      "demo:version": { value: "1.10", secure: false },
      "demo:enabled": { value: "true", secure: false },
      "demo:mode": { value: "0777", secure: false },
      "demo:empty": { value: "", secure: false },
      "demo:multi": { value: "folded text", secure: false },
    });
  });

  it("passes structured values as JSON of their typed values, and keeps secure values secure", () => {
    const dir = programDir({
      "Pulumi.yaml": "name: demo\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n",
      "Pulumi.dev.yaml": [
        "config:",
        "  demo:alarm: &alarm",
        "    period: 300",
        "    enabled: true",
        "  demo:alarms:",
        "    - name: changes",
        "      <<: *alarm",
        "    - {name: console, period: 60, actions: [arn:aws:sns:us-east-1:123456789012:alerts]}",
        "  demo:password:",
        "    secure: AAABAHq1",
        "",
      ].join("\n"),
    });
    const { config } = readProgramProject(dir);
    expect(JSON.parse(config["demo:alarm"].value)).toEqual({ period: 300, enabled: true });
    expect(JSON.parse(config["demo:alarms"].value)).toEqual([
      { name: "changes", period: 300, enabled: true },
      { name: "console", period: 60, actions: ["arn:aws:sns:us-east-1:123456789012:alerts"] },
    ]);
    expect(config["demo:password"]).toEqual({ value: "AAABAHq1", secure: true });
  });

  it("reads the project name as text and Pulumi.yaml config with its types; stack values override them", () => {
    const dir = programDir({
      "Pulumi.yaml": "name: 2024\nruntime: nodejs\nconfig:\n  period: 300\n  ratio: 1.10\n",
      "Pulumi.dev.yaml": "config:\n  2024:period: 60\n",
    });
    const project = readProgramProject(dir);
    expect(project.project).toBe("2024");
    expect(project.config).toEqual({
      "2024:period": { value: "60", secure: false },
      // Pulumi.yaml values are formatted from their YAML type (`createConfigValue`, `%v` of float64 1.1).
      "2024:ratio": { value: "1.1", secure: false },
    });
  });

  it("reports a stack file that is not YAML with file:line:column", () => {
    const dir = programDir({
      "Pulumi.yaml": "name: demo\nruntime: nodejs\n",
      "Pulumi.dev.yaml": "config:\n  a: [1, 2\n",
    });
    expect(failure(dir).message).toMatch(
      new RegExp(`^${path.join(dir, "Pulumi.dev.yaml").replace(/[.\\]/g, "\\$&")}:3:\\d+: `),
    );
  });

  it("reports a config section that is not a mapping", () => {
    const dir = programDir({ "Pulumi.yaml": "name: demo\nruntime: nodejs\n", "Pulumi.dev.yaml": "config:\n  - a\n" });
    expect(failure(dir).message).toContain("'config' must be a mapping");
  });
});
