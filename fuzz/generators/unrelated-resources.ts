/**
 * Resources the pack has no reason to read: buckets, functions, instances, tables, a component and a resource of
 * another provider, with arbitrary nested JSON properties. A stack's verdicts must not change when they are added
 * (the "unrelated resources" invariant), and nothing in them may break the pack.
 */
import fc from "fast-check";
import type { EngineResource } from "../../tools/engine/protocol";

/** A planned unrelated resource: its type token and properties. */
export interface UnrelatedPlan {
  readonly type: string;
  readonly props: Readonly<Record<string, unknown>>;
}

const types = [
  "aws:s3/bucket:Bucket",
  "aws:lambda/function:Function",
  "aws:ec2/instance:Instance",
  "aws:dynamodb/table:Table",
  "aws:iam/role:Role",
  "aws-native:s3:Bucket",
  "random:index/randomString:RandomString",
];

/** JSON keys, never ones JavaScript objects treat specially. */
const key = fc
  .string({ minLength: 1, maxLength: 10 })
  .filter((k) => k !== "__proto__" && k !== "constructor" && k !== "prototype");

const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string({ maxLength: 20 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

/** One unrelated resource's plan. */
export const unrelatedPlan: fc.Arbitrary<UnrelatedPlan> = fc.record({
  type: fc.constantFrom(...types),
  props: fc.dictionary(key, value, { maxKeys: 6, noNullPrototype: true }),
});

/** The resource for `plan`, named `name`, with the stack's root as parent and `provider` (none for a component). */
export function unrelatedResource(
  plan: UnrelatedPlan,
  urn: string,
  name: string,
  parent: string,
  provider: EngineResource["provider"],
  marker: string,
): EngineResource {
  return {
    type: plan.type,
    urn,
    name,
    parent,
    properties: { ...plan.props, description: `unrelated ${marker}` },
    ...(provider === undefined ? {} : { provider }),
    options: { parent },
  };
}
