// The JSON-schema subset a policy's configSchema may use; expected messages written from the keyword definitions.
import { validateJsonSchema } from "../../tools/engine";

const messages = (value: unknown, schema: unknown): string[] =>
  validateJsonSchema(value, schema).map((p) => `${p.path || "(value)"}: ${p.message}`);

describe("validateJsonSchema", () => {
  it("accepts a value that satisfies every keyword", () => {
    const schema = {
      type: "object",
      properties: { n: { type: "number", minimum: 0 }, s: { type: "string", minLength: 1 }, l: { type: "array", items: { type: "integer" } } },
      required: ["n"],
      additionalProperties: false,
    };
    expect(messages({ n: 1.5, s: "x", l: [1, 2] }, schema)).toEqual([]);
  });

  it("accepts any of a list of types, and integers as numbers", () => {
    expect(messages(3, { type: ["string", "number"] })).toEqual([]);
    expect(messages(null, { type: ["string", "number"] })).toEqual(["(value): must be of type string or number, but is null null"]);
  });

  it("checks exclusive bounds in both drafts' forms", () => {
    expect(messages(10, { exclusiveMinimum: 10 })).toEqual(["(value): must be greater than 10"]);
    expect(messages(10, { minimum: 10, exclusiveMinimum: true })).toEqual(["(value): must be greater than 10"]);
    expect(messages(10, { exclusiveMaximum: 10 })).toEqual(["(value): must be less than 10"]);
  });

  it("checks multipleOf, const and string lengths in characters", () => {
    expect(messages(301, { multipleOf: 60 })).toEqual(["(value): must be a multiple of 60"]);
    expect(messages(0.3, { multipleOf: 0.1 })).toEqual([]);
    expect(messages("Sum", { const: "Max" })).toEqual(['(value): must be "Max", but is "Sum"']);
    expect(messages("éé", { maxLength: 2 })).toEqual([]);
    expect(messages("😀😀😀", { maxLength: 2 })).toEqual(["(value): must be at most 2 characters long"]);
  });

  it("checks nested additionalProperties, patternProperties and propertyNames", () => {
    const schema = {
      type: "object",
      properties: { tags: { type: "object", patternProperties: { "^x-": { type: "string" } }, additionalProperties: false } },
    };
    expect(messages({ tags: { "x-a": "1", b: "2", "x-c": 3 } }, schema)).toEqual([
      "tags.b: is not an allowed property",
      "tags.x-c: must be of type string, but is number 3",
    ]);
    expect(messages({ AB: 1 }, { propertyNames: { pattern: "^[a-z]+$" } })).toEqual([
      "AB: has a name that does not match the schema's `propertyNames`",
    ]);
  });

  it("checks tuples, additionalItems, contains and maxItems", () => {
    const tuple = { items: [{ type: "string" }, { type: "number" }], additionalItems: false };
    expect(messages(["a", 1, true], tuple)).toEqual(["[2]: is not allowed"]);
    expect(messages([1, 2], { contains: { const: 3 } })).toEqual([
      "(value): must contain at least one item matching the schema's `contains`",
    ]);
    expect(messages([1, 2, 3], { maxItems: 2 })).toEqual(["(value): must have at most 2 item(s)"]);
  });

  it("checks dependencies and property counts", () => {
    expect(messages({ a: 1 }, { dependencies: { a: ["b"] } })).toEqual(['(value): has "a", so it must also have "b"']);
    expect(messages({}, { minProperties: 1 })).toEqual(["(value): must have at least 1 properties"]);
  });

  it("compares enum members deeply, ignoring key order", () => {
    expect(messages({ a: 1, b: [2] }, { enum: [{ b: [2], a: 1 }] })).toEqual([]);
  });

  it("treats true as accepting everything and false as accepting nothing", () => {
    expect(messages("anything", true)).toEqual([]);
    expect(messages("anything", false)).toEqual(["(value): is not allowed"]);
  });
});
