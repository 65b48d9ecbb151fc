import { unknownValue } from "../helpers/engine-resources";
import { compareRegions, describeRegion, resolveRegion, stackRegionFromEnvironment } from "../../lib/stack/regions";

// The order (resource `region`, then its provider's `region`, then the stack's `aws:region`, then AWS_REGION and
// AWS_DEFAULT_REGION) is the AWS provider's own, from the Pulumi AWS provider's "Installation & Configuration" page.

describe("resolveRegion", () => {
  const stack = "eu-west-1";

  it("an unknown provider region is unknown, keyed by the provider, even when the stack has a region", () => {
    expect(resolveRegion(undefined, { urn: "urn:provider", region: unknownValue.string }, stack)).toEqual({
      state: "unknown",
      providerKey: "urn:provider",
    });
  });

  it("a provider region that is empty or not a string falls back to the stack's region", () => {
    const fromStack = { state: "known", name: stack, source: "stack" };
    expect(resolveRegion(undefined, { urn: "urn:provider", region: "" }, stack)).toEqual(fromStack);
    expect(resolveRegion(undefined, { urn: "urn:provider", region: 5 }, stack)).toEqual(fromStack);
  });

  it("a provider region the engine sent as secret stays marked secret", () => {
    expect(
      resolveRegion(undefined, { urn: "urn:provider", region: "us-east-2" }, stack, { own: false, provider: true }),
    ).toEqual({ state: "known", name: "us-east-2", source: "provider", secret: true });
  });

  it("no region anywhere (the stack's empty too) is unknown", () => {
    expect(resolveRegion(undefined, { urn: undefined, region: undefined }, "")).toEqual({
      state: "unknown",
      providerKey: "(no provider)",
    });
  });
});

describe("compareRegions and describeRegion", () => {
  it("a known region against an unknown one cannot be decided", () => {
    const known = { state: "known", name: "us-east-1", source: "stack" } as const;
    const unknown = { state: "unknown", providerKey: "urn:provider" } as const;
    expect(compareRegions(known, unknown)).toBe("undetermined");
    expect(compareRegions(unknown, known)).toBe("undetermined");
  });

  it("an unknown region is described in words", () => {
    expect(describeRegion({ state: "unknown", providerKey: "urn:provider" })).toBe("an unknown region");
  });
});

describe("stackRegionFromEnvironment", () => {
  it("a PULUMI_CONFIG without a usable aws:region falls through to AWS_REGION", () => {
    expect(stackRegionFromEnvironment({ PULUMI_CONFIG: "{}", AWS_REGION: "eu-west-1" })).toBe("eu-west-1");
    expect(stackRegionFromEnvironment({ PULUMI_CONFIG: '{"aws:region":""}', AWS_REGION: "eu-west-1" })).toBe(
      "eu-west-1",
    );
    expect(stackRegionFromEnvironment({ PULUMI_CONFIG: '{"aws:region":5}', AWS_REGION: "eu-west-1" })).toBe(
      "eu-west-1",
    );
  });

  it("an empty AWS_REGION falls through to AWS_DEFAULT_REGION", () => {
    expect(stackRegionFromEnvironment({ AWS_REGION: "", AWS_DEFAULT_REGION: "ap-south-1" })).toBe("ap-south-1");
    expect(stackRegionFromEnvironment({ AWS_REGION: "", AWS_DEFAULT_REGION: "" })).toBeUndefined();
  });
});
