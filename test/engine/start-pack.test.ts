// startPack against small fixture packs: the engine's start-up contract and its failure modes.
import * as path from "path";
import { startPack } from "../../tools/engine";

const fixture = (name: string): string => path.join(__dirname, "fixtures", name);

describe("startPack failure modes", () => {
  it("rejects a pack that prints something other than its port first, quoting the line", async () => {
    await expect(startPack({ packDir: fixture("noisy-pack") })).rejects.toThrow(
      /printed "loading policies\.\.\." before its port number/,
    );
  });

  it("rejects a pack that exits before printing a port, with its stderr", async () => {
    const failure = startPack({ packDir: fixture("crashing-pack") });
    await expect(failure).rejects.toThrow(/exited \(code \d+\) before printing its port/);
    await expect(failure).rejects.toThrow(/policy module failed to load/);
  });

  it("rejects a directory without PulumiPolicy.yaml, as the CLI would not run it", async () => {
    await expect(startPack({ packDir: path.join(__dirname, "fixtures") })).rejects.toThrow(
      /PulumiPolicy\.yaml is missing/,
    );
  });
});

describe("startPack with a minimal pack", () => {
  it("reads the port, tolerates an unimplemented Handshake, and reports PulumiPolicy.yaml's version", async () => {
    const pack = await startPack({ packDir: fixture("versioned-pack") });
    try {
      expect(pack.stdoutText()).toBe(`${pack.port}\n`);
      const info = await pack.getAnalyzerInfo();
      expect(info.name).toBe("versioned");
      expect(info.version).toBe("2.5.0-ci.7");
      const result = await pack.analyzeStack([
        { type: "aws:sns/topic:Topic", urn: "urn:t", name: "t", properties: {} },
      ]);
      expect(result.diagnostics).toEqual([
        {
          policyPack: "versioned",
          policyPackVersion: "2.5.0-ci.7",
          policyName: "always-violated",
          enforcementLevel: "mandatory",
          severity: "high",
          urn: "urn:t",
          message: "Reports one violation on the first resource.\nviolation",
          description: "Reports one violation on the first resource.",
        },
      ]);
    } finally {
      await pack.close();
    }
  });
});
