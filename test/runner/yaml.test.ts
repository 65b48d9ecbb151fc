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

  it("reads a plain scalar with an apostrophe (Pulumi.yaml descriptions)", () => {
    expect(readYamlText("description: The Registry's example # note\nname: it's\n")).toEqual({
      ok: true,
      value: { description: "The Registry's example", name: "it's" },
    });
  });

  it("reads one-line flow collections, nested, quoted and empty", () => {
    const text = 'config:\n  p:emails: ["a@example.com", \'b, c\', d]\n  p:tags: {team: sec, "cost center": 42, list: [1, x]}\n  p:none: []\n';
    expect(readYamlText(text)).toEqual({
      ok: true,
      value: { config: { "p:emails": ["a@example.com", "b, c", "d"], "p:tags": { team: "sec", "cost center": "42", list: ["1", "x"] }, "p:none": [] } },
    });
  });

  it("reads block scalars: literal, folded, chomping", () => {
    const text = [
      "a: |",
      "  line one",
      "  # not a comment: it's content",
      "",
      "  line three",
      "b: >-",
      "  folded",
      "  together",
      "c: |-",
      "  kept",
      "d: x",
      "",
    ].join("\n");
    expect(readYamlText(text)).toEqual({
      ok: true,
      value: { a: "line one\n# not a comment: it's content\n\nline three\n", b: "folded together", c: "kept", d: "x" },
    });
  });

  it("types plain scalars when asked (core schema), never quoted ones", () => {
    const text = "a: 300\nb: true\nc: '300'\nd: 1.5\ne: ~\nf: [1, false, x]\ng: 0x1F\nh: 1.2.3\n";
    expect(readYamlText(text, { typed: true })).toEqual({
      ok: true,
      value: { a: 300, b: true, c: "300", d: 1.5, e: null, f: [1, false, "x"], g: 31, h: "1.2.3" },
    });
  });

  it("reads an empty document as an empty mapping", () => {
    expect(readYamlText("# nothing\n\n")).toEqual({ ok: true, value: {} });
  });

  it.each([
    ["multi-line flow sequence", "config: [a,\n  b]\n", 1, "multi-line ones are not supported"],
    ["anchor", "a: &x 1\n", 1, "not supported"],
    ["text after a flow collection", "a: [x] y\n", 1, "text after a flow collection"],
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
