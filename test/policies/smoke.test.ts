import { createPolicies } from "../../policies";
import { compliantStack, phases } from "../helpers/aws-fixtures";
import { runPolicy } from "../helpers/engine-resources";

describe("smoke", () => {
  for (const phase of phases) {
    it(`compliant chain passes all four policies (${JSON.stringify(phase)})`, async () => {
      for (const policy of createPolicies({ stackRegion: () => "us-east-1" }).slice(0, 4)) {
        expect([policy.name, await runPolicy(policy, compliantStack(phase))]).toEqual([policy.name, []]);
      }
    });
  }
});
