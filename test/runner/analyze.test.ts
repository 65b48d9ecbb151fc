// A pack keeps the last Configure it received (the analyzer protocol sends the config once, then AnalyzeStack), so
// stacks analysed concurrently on one shared pack must not interleave their Configure and AnalyzeStack calls.
import type { EngineDiagnostic, PackProcess, PolicyPackConfigFile } from "../../tools/engine";
import { analyzeStack, PackSession } from "../../tools/runner/analyze";

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

/** A pack stand-in that answers AnalyzeStack with one diagnostic naming the config it was last configured with. */
function fakeSession(): PackSession {
  let current = "none";
  const pack = {
    async configure(config: PolicyPackConfigFile | undefined) {
      await tick();
      if (config?.all === "invalid") throw new Error("bad config");
      current = typeof config?.all === "string" ? config.all : "none";
      return { policies: {}, warnings: [] };
    },
    async analyzeStack() {
      await tick();
      const seen = current;
      await tick();
      return { diagnostics: [{ policyName: seen } as EngineDiagnostic], notApplicable: [] };
    },
  } as unknown as PackProcess;
  return { pack, info: { name: "fake", version: "1.0.0", policies: [], initialConfig: {} } };
}

describe("analyzeStack on a shared session", () => {
  it("analyses each stack with its own config when calls overlap", async () => {
    const session = fakeSession();
    const results = await Promise.all([
      analyzeStack(session, [], { all: "advisory" }),
      analyzeStack(session, [], { all: "mandatory" }),
      analyzeStack(session, [], undefined),
    ]);
    expect(results.map((r) => r.diagnostics[0].policyName)).toEqual(["advisory", "mandatory", "none"]);
  });

  it("goes on after a call that failed", async () => {
    const session = fakeSession();
    const failing = analyzeStack(session, [], { all: "invalid" });
    const next = analyzeStack(session, [], { all: "disabled" });
    await expect(failing).rejects.toThrow("bad config");
    await expect(next).resolves.toMatchObject({ diagnostics: [{ policyName: "disabled" }] });
  });
});
