// The published pack as a machine that runs it installs it: a real `npm pack`, then `npm install --omit=dev` of the
// tarball into a scratch folder (bench/install-size.ts), next to an empty pack that depends on @pulumi/policy and
// @pulumi/pulumi alone. Packing and the two parallel installs take about a minute (the npm cache serves the
// packages; the registry answers the rest). Needs bin/ compiled: `npm test` compiles first.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { InstalledPack, installPublishedPack } from "../../bench/install-size";
import { targetLimits } from "../../bench/targets";
import { PackProcess, startPack } from "../../tools/engine";
import { region, trailWithoutLogGroup, urns } from "../engine/preview-stack";

const root = path.resolve(__dirname, "../..");

describe("the published pack, installed without devDependencies", () => {
  let installed: InstalledPack;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, "bin", "index.js")))
      throw new Error("bin/index.js is missing: run `npx tsc -p tsconfig.json` first");
    installed = await installPublishedPack(root);
  }, 300_000);

  afterAll(() => {
    if (installed) fs.rmSync(installed.scratchDir, { recursive: true, force: true });
  });

  it(`takes at most ${targetLimits.installRatio.toFixed(2)}× the disk of an empty pack's install`, () => {
    const { packBytes, emptyBytes } = installed.result;
    expect(emptyBytes).toBeGreaterThan(0);
    expect(packBytes / emptyBytes).toBeLessThanOrEqual(targetLimits.installRatio);
  });

  it("does not install @pulumi/aws, which the pack never loads", () => {
    expect(fs.existsSync(path.join(installed.scratchDir, "pack", "node_modules", "@pulumi", "aws"))).toBe(false);
  });

  it.each([
    ["without TypeScript", {}],
    // The Pulumi CLI's plain `npm install` also installs devDependencies, TypeScript among them.
    ["with TypeScript resolvable", { NODE_PATH: path.join(root, "node_modules") }],
  ])(
    "keeps its compiled bin/ when its prepare script runs there %s (the Pulumi CLI runs `npm install` in the unpacked pack)",
    (_what, env) => {
      const entry = path.join(installed.packDir, "bin", "index.js");
      const before = fs.readFileSync(entry, "utf8");
      const result = spawnSync(process.execPath, [path.join(installed.packDir, "scripts", "prepare.js")], {
        cwd: installed.packDir,
        env: { ...process.env, ...env },
        encoding: "utf8",
      });
      expect([result.status, result.stderr]).toEqual([0, ""]);
      expect(fs.readFileSync(entry, "utf8")).toBe(before);
    },
  );

  it("starts from that install and answers AnalyzeStack: a trail without a log group", async () => {
    let pack: PackProcess | undefined;
    try {
      // startPack resolves @pulumi/pulumi/cmd/run-policy-pack from the installed pack's directory, as the
      // language host does, so nothing comes from this project's node_modules.
      pack = await startPack({
        packDir: installed.packDir,
        stack: "dev",
        project: "cloudtrail-demo",
        stackConfig: { "aws:region": region },
      });
      await pack.configure(undefined);
      const { diagnostics } = await pack.analyzeStack(trailWithoutLogGroup());
      expect(diagnostics.filter((d) => d.policyName === "cloudtrail-logs-to-cloudwatch").map((d) => d.urn)).toEqual([
        urns.trail,
      ]);
    } finally {
      await pack?.close();
    }
  }, 120_000);
});
