import { createPolicy, definition } from "../../policies/cloudtrail-changes-alarm-sns";
import { chainNames, compliantStack } from "../helpers/aws-fixtures";
import { runPolicy } from "../helpers/engine-resources";
import { describePolicyCases } from "../helpers/policy-tester";
import { snsCases } from "./cases/sns.cases";

describePolicyCases(definition.name, (stackRegion) => createPolicy({ stackRegion }), snsCases);

describe("the Topic.get hint", () => {
  const names = chainNames();
  it("is left out while the topic's ARN is unknown (a new topic at the first preview can't be a read one)", async () => {
    const reported = await runPolicy(createPolicy({ stackRegion: () => "us-east-1" }), compliantStack({ phase: "preview" }).remove(names.subscription));
    expect(reported).toHaveLength(1);
    expect(reported[0].message).toContain('topic "cloudtrail-changes-topic" has no subscription');
    expect(reported[0].message).not.toContain("Topic.get");
  });
});
