/**
 * Reading a policy's config: the defaults the JSON schema declares apply when a value is absent (`getConfig()`
 * returns `{}` in unit tests and when Configure was never called), and each bad value is one plain message naming
 * the property and the rule it breaks, as JSON Schema's keywords (type, minLength, enum, minimum, items) define them
 * (https://json-schema.org/understanding-json-schema/reference). The declarations here are made up for the test.
 */
import { configSchemaOf, readConfig, type ConfigProperties } from "../../policies/config";

const properties = {
  enabled: { type: "boolean", default: true, description: "on or off" },
  mode: { type: "string", default: "strict", enum: ["strict", "lenient"], description: "how strict" },
  name: { type: "string", default: "main", minLength: 1, description: "a name" },
  count: { type: "integer", default: 2, minimum: 1, description: "how many" },
  regions: {
    type: "array",
    default: ["us-east-1"],
    items: { type: "string", minLength: 1, enum: ["us-east-1", "eu-west-1"] },
    description: "where",
  },
} as const satisfies ConfigProperties;

const DEFAULTS = { enabled: true, mode: "strict", name: "main", count: 2, regions: ["us-east-1"] };

describe("defaults", () => {
  it.each<[string, unknown]>([
    ["an empty object", {}],
    ["no config at all", undefined],
    ["null", null],
    ["a value that is not an object", "strict"],
    ["null values", { enabled: null, mode: null, name: null, count: null, regions: null }],
  ])("%s gives every default", (_what, raw) => {
    expect(readConfig(properties, raw)).toEqual({ ok: true, config: DEFAULTS });
  });

  it("given values replace the defaults, and properties not declared are ignored", () => {
    const raw = {
      enabled: false,
      mode: "lenient",
      name: "audit",
      count: 1,
      regions: ["eu-west-1", "us-east-1"],
      extra: 1,
    };
    expect(readConfig(properties, raw)).toEqual({
      ok: true,
      config: { enabled: false, mode: "lenient", name: "audit", count: 1, regions: ["eu-west-1", "us-east-1"] },
    });
  });
});

describe("boundaries that are allowed", () => {
  it("a string exactly minLength long (JSON Schema: length greater than or equal to minLength)", () => {
    expect(readConfig(properties, { name: "a" })).toEqual({ ok: true, config: { ...DEFAULTS, name: "a" } });
  });

  it("a list item exactly minLength long is not empty: it is judged by its enum", () => {
    expect(readConfig(properties, { regions: ["x"] })).toEqual({
      ok: false,
      problems: ['`regions[0]` must be one of "us-east-1", "eu-west-1", got "x"'],
    });
  });

  it("an integer equal to its minimum (JSON Schema: minimum is inclusive)", () => {
    expect(readConfig(properties, { count: 1 })).toEqual({ ok: true, config: { ...DEFAULTS, count: 1 } });
  });
});

describe("a bad value is one message naming the property and the rule", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["a boolean given as text", { enabled: "yes" }, '`enabled` must be true or false, got "yes"'],
    ["a string given as a number", { name: 42 }, "`name` must be a string, got 42"],
    ["an empty string where minLength is 1", { name: "" }, "`name` must not be empty"],
    ["a string outside its enum", { mode: "loose" }, '`mode` must be one of "strict", "lenient", got "loose"'],
    ["a fraction for an integer", { count: 1.5 }, "`count` must be an integer, got 1.5"],
    ["an integer given as text", { count: "3" }, '`count` must be an integer, got "3"'],
    ["an integer below its minimum", { count: 0 }, "`count` must be at least 1, got 0"],
    ["a list given as one string", { regions: "us-east-1" }, '`regions` must be a list of strings, got "us-east-1"'],
    ["a list item that is not a string", { regions: ["us-east-1", 7] }, "`regions[1]` must be a string, got 7"],
    ["an empty list item", { regions: [""] }, "`regions[0]` must not be empty"],
    [
      "a list item outside its enum",
      { regions: ["us-east-1", "mars-north-1"] },
      '`regions[1]` must be one of "us-east-1", "eu-west-1", got "mars-north-1"',
    ],
  ])("%s", (_what, raw, message) => {
    expect(readConfig(properties, raw)).toEqual({ ok: false, problems: [message] });
  });

  it("every bad value is reported, in declaration order", () => {
    expect(readConfig(properties, { count: 0, enabled: 1 })).toEqual({
      ok: false,
      problems: ["`enabled` must be true or false, got 1", "`count` must be at least 1, got 0"],
    });
  });

  it("a long value is cut to 57 characters of its JSON and an ellipsis", () => {
    const long = "x".repeat(70);
    // JSON.stringify adds the two quotes: the message keeps the opening quote and 56 x's.
    expect(readConfig(properties, { mode: long })).toEqual({
      ok: false,
      problems: [`\`mode\` must be one of "strict", "lenient", got "${"x".repeat(56)}...`],
    });
  });

  it("a value whose JSON is exactly 60 characters is shown whole", () => {
    const sixty = "y".repeat(58); // with its two quotes, 60 characters of JSON
    expect(readConfig(properties, { mode: sixty })).toEqual({
      ok: false,
      problems: [`\`mode\` must be one of "strict", "lenient", got "${sixty}"`],
    });
  });

  it("a value JSON cannot write is shown as JavaScript prints it", () => {
    expect(readConfig(properties, { name: Symbol.iterator })).toEqual({
      ok: false,
      problems: ["`name` must be a string, got Symbol(Symbol.iterator)"],
    });
  });
});

describe("the schema for the engine", () => {
  it("is the declarations, copied", () => {
    const schema = configSchemaOf(properties);
    expect(schema).toEqual({ properties });
    expect(schema.properties.regions).not.toBe(properties.regions);
  });
});
