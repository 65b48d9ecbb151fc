// The policy SDK skips a stack policy whose level is "disabled" (@pulumi/policy server.js, makeAnalyzeStackRpcFun),
// so the no-op floor has as many stack policies as this pack runs in the configuration measured.
import * as path from "path";
import { enabledPackStackPolicies } from "../../bench/harness";
import { enabledStackPolicyCount, type CountedPolicy } from "../../bench/enabled-policies";
import { readPolicyPackConfigFile } from "../../tools/engine";

const stack = (name: string, enforcementLevel?: string): CountedPolicy => ({
  name,
  description: name,
  enforcementLevel,
  validateStack: () => undefined,
});
const resource = (name: string): CountedPolicy => ({ name, description: name, enforcementLevel: "mandatory" });

describe("enabledStackPolicyCount", () => {
  const list = [stack("a", "mandatory"), stack("b", "advisory"), stack("c", "disabled"), stack("d"), resource("r")];

  it("counts stack policies not disabled at their own level; one without a level takes the pack's", () => {
    expect(enabledStackPolicyCount(list, "mandatory")).toBe(3);
    expect(enabledStackPolicyCount(list, "disabled")).toBe(2);
  });

  it('applies a config as the CLI does: "all" first, then each policy\'s entry', () => {
    expect(enabledStackPolicyCount(list, "mandatory", { all: "mandatory" })).toBe(4);
    expect(enabledStackPolicyCount(list, "mandatory", { all: "disabled", b: "advisory" })).toBe(1);
    expect(enabledStackPolicyCount(list, "mandatory", { c: { enforcementLevel: "advisory" } })).toBe(4);
  });
});

describe("this pack's enabled stack policies", () => {
  it("are the four CloudTrail-changes policies by default (the fourteen control policies are disabled by default)", () => {
    expect(enabledPackStackPolicies()).toBe(4);
  });

  it('are all eighteen with config/cis-monitoring.json ({"all": "mandatory"})', () => {
    const config = readPolicyPackConfigFile(path.join(__dirname, "..", "..", "config", "cis-monitoring.json"));
    expect(enabledPackStackPolicies(config)).toBe(18);
  });
});
