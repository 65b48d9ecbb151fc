/**
 * Nothing the pack loads prints on stdout: the engine reads the policy pack's stdout as its protocol channel, so
 * a stray line from loading or running a policy would break `pulumi preview`.
 *
 * A file of its own because it loads the whole pack afresh inside the test (jest.isolateModules). Mutation runs
 * (jest.mutate.config.js) leave it out: Stryker would see every module-level value of policies/ and lib/ computed
 * inside this one test and credit the test with covering them all, and would then try those mutants against this
 * test alone instead of treating them as module-level ("static") ones.
 */
import { createPolicies } from "../../policies";
import { compliantStack } from "../helpers/aws-fixtures";
import { runPolicy } from "../helpers/engine-resources";

describe("all policies", () => {
  it("prints nothing on stdout while the policies load and run", async () => {
    const write = jest.spyOn(process.stdout, "write");
    jest.isolateModules(() => {
      // Loads the pack afresh, inside the spy (an `import` would load it once, before the test).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require("../../policies");
    });
    for (const policy of createPolicies()) await runPolicy(policy, compliantStack().remove("oncall"));
    expect(write).not.toHaveBeenCalled();
    write.mockRestore();
  });
});
