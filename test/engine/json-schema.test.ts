// Validation of policy config against a configSchema (the PolicyConfigJSONSchema vocabulary of @pulumi/policy).
// Which values pass follows the JSON Schema Validation draft-07 keyword definitions
// (https://json-schema.org/draft-07/json-schema-validation.html); the wording of the messages is Ajv's
// (https://ajv.js.org/, lib/vocabularies in its source), except where the property or the value is named.
import { validateJsonSchema } from "../../tools/engine";

const messages = (value: unknown, schema: unknown): string[] =>
  validateJsonSchema(value, schema).map((p) => `${p.path || "(value)"}: ${p.message}`);

describe("validateJsonSchema", () => {
  it("accepts a value that satisfies every keyword", () => {
    const schema = {
      type: "object",
      properties: {
        n: { type: "number", minimum: 0 },
        s: { type: "string", minLength: 1 },
        l: { type: "array", items: { type: "integer" } },
      },
      required: ["n"],
      additionalProperties: false,
    };
    expect(messages({ n: 1.5, s: "x", l: [1, 2] }, schema)).toEqual([]);
  });

  it("accepts any of a list of types, and integers as numbers (6.1.1)", () => {
    expect(messages(3, { type: ["string", "number"] })).toEqual([]);
    expect(messages(null, { type: ["string", "number"] })).toEqual(["(value): must be string or number, but is null"]);
  });

  it("checks exclusive bounds, given as numbers (6.2.3, 6.2.5)", () => {
    expect(messages(10, { exclusiveMinimum: 10 })).toEqual(["(value): must be > 10"]);
    expect(messages(10, { exclusiveMaximum: 10 })).toEqual(["(value): must be < 10"]);
    expect(messages(10.5, { exclusiveMinimum: 10 })).toEqual([]);
  });

  it("reports draft-04's boolean exclusiveMinimum as a schema problem (PolicyConfigJSONSchema declares a number)", () => {
    const [problem] = messages(10, { minimum: 10, exclusiveMinimum: true });
    expect(problem).toContain("the config schema is not valid JSON Schema (draft-07)");
    expect(problem).toContain("exclusiveMinimum must be number");
  });

  it("checks multipleOf exactly for decimals, const and string lengths in characters (6.2.1, 6.1.3, 6.3.1)", () => {
    expect(messages(301, { multipleOf: 60 })).toEqual(["(value): must be multiple of 60"]);
    expect(messages(0.3, { multipleOf: 0.1 })).toEqual([]);
    expect(messages("Sum", { const: "Max" })).toEqual(['(value): must be "Max", but is "Sum"']);
    expect(messages("éé", { maxLength: 2 })).toEqual([]);
    expect(messages("😀😀😀", { maxLength: 2 })).toEqual(["(value): must NOT have more than 2 characters"]);
  });

  it("checks nested additionalProperties, patternProperties and propertyNames, naming the property", () => {
    const schema = {
      type: "object",
      properties: {
        tags: { type: "object", patternProperties: { "^x-": { type: "string" } }, additionalProperties: false },
      },
    };
    expect(messages({ tags: { "x-a": "1", b: "2", "x-c": 3 } }, schema)).toEqual([
      "tags.b: is not an allowed property",
      "tags.x-c: must be string, but is number 3",
    ]);
    expect(messages({ AB: 1 }, { propertyNames: { pattern: "^[a-z]+$" } })).toEqual([
      'AB: its name must match pattern "^[a-z]+$"',
    ]);
  });

  it("checks tuples, additionalItems, contains and maxItems (6.4)", () => {
    const tuple = { items: [{ type: "string" }, { type: "number" }], additionalItems: false };
    expect(messages(["a", 1], tuple)).toEqual([]);
    expect(messages(["a", 1, true], tuple)).toEqual(["(value): must NOT have more than 2 items"]);
    expect(messages([1, 2], { contains: { const: 3 } })).toContain("(value): must contain at least 1 valid item(s)");
    expect(messages([1, 3], { contains: { const: 3 } })).toEqual([]);
    expect(messages([1, 2, 3], { maxItems: 2 })).toEqual(["(value): must NOT have more than 2 items"]);
  });

  it("checks dependencies and property counts (6.5.7, 6.5.2)", () => {
    expect(messages({ a: 1 }, { dependencies: { a: ["b"] } })).toEqual([
      "(value): must have property b when property a is present",
    ]);
    expect(messages({}, { minProperties: 1 })).toEqual(["(value): must NOT have fewer than 1 properties"]);
  });

  it("compares enum members deeply, ignoring key order (6.1.2)", () => {
    expect(messages({ a: 1, b: [2] }, { enum: [{ b: [2], a: 1 }] })).toEqual([]);
    expect(messages("Average", { enum: ["Sum", "SampleCount"] })).toEqual([
      '(value): must be one of "Sum", "SampleCount", but is "Average"',
    ]);
  });

  it("names list items and nested keys in the path", () => {
    const schema = { properties: { a: { properties: { b: { items: { properties: { c: { type: "string" } } } } } } } };
    expect(messages({ a: { b: [{ c: "x" }, { c: 1 }] } }, schema)).toEqual([
      "a.b[1].c: must be string, but is number 1",
    ]);
  });

  it("treats true as accepting everything and false as accepting nothing (4.3.2)", () => {
    expect(messages("anything", true)).toEqual([]);
    expect(messages("anything", false)).toEqual(["(value): boolean schema is false"]);
  });
});
