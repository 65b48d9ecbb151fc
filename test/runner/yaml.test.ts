import { readYamlText } from "../../tools/runner/yaml";

describe("readYamlText (the Pulumi.yaml subset)", () => {
  it("reads a stack config with namespaced keys, quotes, comments and a secure value", () => {
    const text = [
      "# stack dev",
      "config:",
      "  aws:region: eu-west-1   # the default region",
      '  proj:name: "a # not a comment"',
      "  proj:quoted: 'it''s'",
      "  proj:password:",
      "    secure: AAABAHq1",
      "  proj:list:",
      "    - one",
      "    - two",
      "",
    ].join("\n");
    expect(readYamlText(text)).toEqual({
      ok: true,
      value: {
        config: {
          "aws:region": "eu-west-1",
          "proj:name": "a # not a comment",
          "proj:quoted": "it's",
          "proj:password": { secure: "AAABAHq1" },
          "proj:list": ["one", "two"],
        },
      },
    });
  });

  it("reads Pulumi.yaml with a runtime mapping and a URL value", () => {
    const text = "name: demo\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nwebsite: https://example.com/x\n";
    expect(readYamlText(text)).toEqual({
      ok: true,
      value: { name: "demo", runtime: { name: "nodejs", options: { typescript: "true" } }, website: "https://example.com/x" },
    });
  });

  it("reads an empty document as an empty mapping", () => {
    expect(readYamlText("# nothing\n\n")).toEqual({ ok: true, value: {} });
  });

  it.each([
    ["flow mapping", "config: {a: 1}\n", 1, "not supported"],
    ["tab indentation", "config:\n\taws:region: x\n", 2, "tabs"],
    ["bad indentation", "a: 1\n    b: 2\n", 2, "indentation"],
    ["duplicate key", "a: 1\nb: 2\na: 3\n", 3, "duplicate key 'a'"],
    ["unterminated quote", "a: 'x\n", 1, "unterminated"],
    ["no colon", "config\n", 1, "expected 'key: value'"],
  ])("reports %s with its line", (_what, text, line, message) => {
    const result = readYamlText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.line).toBe(line);
      expect(result.message).toContain(message);
    }
  });
});
