// Strict JSON with positions. What is valid follows RFC 8259 (https://www.rfc-editor.org/rfc/rfc8259): no comments,
// no trailing commas, no leading zeros, control characters escaped in strings; lines and columns are counted by hand.
import { readJsonText } from "../../tools/engine/json-text";

function problem(text: string): string {
  const result = readJsonText(text);
  if (result.ok) throw new Error("expected a syntax error");
  return `${result.position.line}:${result.position.column}: ${result.message}`;
}

describe("readJsonText", () => {
  it("reads a value, keeping a __proto__ key as data", () => {
    const result = readJsonText('{"a": [1.5e2, true, null, "\\u00e9"], "__proto__": {"x": 1}}');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toEqual(JSON.parse('{"a": [150, true, null, "é"], "__proto__": {"x": 1}}'));
      expect(Object.keys(result.value as object)).toEqual(["a", "__proto__"]);
      expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
      expect(result.duplicateKeys).toEqual([]);
    }
  });

  it("lists every repeated key with its path and the position of the repeat", () => {
    const result = readJsonText('{"a": {"b": [{"c": 1,\n "c": 2}]},\n "a": 3}');
    expect(result.ok && result.duplicateKeys).toEqual([
      { path: "a.b[0].c", position: { offset: 23, line: 2, column: 2 } },
      { path: "a", position: { offset: 35, line: 3, column: 2 } },
    ]);
  });

  it("does not count the same key in sibling objects as repeated", () => {
    const result = readJsonText('[{"a": 1}, {"a": 2}]');
    expect(result.ok && result.duplicateKeys).toEqual([]);
  });

  it.each([
    [
      "a trailing comma in an object",
      '{\n  "all": "advisory",\n}',
      "3:1: expected a property name in double quotes but found '}'",
    ],
    ["a trailing comma in a list", "[1, 2,]", "1:7: expected a value but found ']'"],
    ["a missing comma in a list", "[1 2]", "1:4: expected ',' or ']' but found '2'"],
    ["a missing comma in an object", '{"a": 1 "b": 2}', "1:9: expected ',' or '}' but found '\"'"],
    ["a missing colon", '{"a" 1}', "1:6: expected ':' but found '1'"],
    ["a truncated file", '{"all": ', "1:9: expected a value but found end of file"],
    ["an unclosed list", "[1, 2", "1:6: expected ',' or ']' but found end of file"],
    ["text after the value", "{}}", "1:3: expected end of file but found '}'"],
    ["a comment", '{"a": 1} // why', "1:10: comments are not allowed in JSON"],
    ["a bare word", '{"a": tru}', "1:7: expected a value but found 't'"],
    ["a leading zero", '{"a": 01}', "1:8: expected ',' or '}' but found '1'"],
    ["a tab inside a string", '{"a": "x\ty"}', "1:7: control character in string (escape it)"],
    ["an unknown escape", '{"a": "\\x"}', "1:7: invalid escape in string"],
    ["a byte-order mark", "\uFEFF{}", "1:1: expected a value but found character U+FEFF"],
    ["an empty text", "", "1:1: expected a value but found end of file"],
  ])("reports %s at its line and column", (_what, text, expected) => {
    expect(problem(text)).toBe(expected);
  });

  // Found by the fuzzer (config deep nesting): a file of 100,000 "[" overflowed the recursive reader, and the tools
  // printed "Maximum call stack size exceeded". RFC 8259 sets no depth limit ("An implementation may set limits
  // on the maximum depth of nesting", section 9), so the reader says where the nesting is and how deep.
  it("reports a value nested deeper than it can read at the deepest bracket, never throwing", () => {
    const depth = 100_000;
    expect(problem(`{"a":\n${"[".repeat(depth)}${"]".repeat(depth)}}`)).toBe(
      `2:${depth}: nested too deeply to read (${depth + 1} levels)`,
    );
  });

  it("reads nesting a few thousand levels deep", () => {
    const result = readJsonText(`${"[".repeat(2000)}${"]".repeat(2000)}`);
    expect(result.ok).toBe(true);
  });
});
