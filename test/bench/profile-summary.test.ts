import { areaOf, summarizeProfile } from "../../bench/profile-summary";

const root = "/work/project";

describe("areaOf", () => {
  it.each([
    ["file:///work/project/node_modules/@pulumi/policy/server.js", "node_modules/@pulumi/policy"],
    ["/work/project/node_modules/google-protobuf/google-protobuf.js", "node_modules/google-protobuf"],
    ["file:///work/project/bin/lib/stack/model.js", "lib/stack"],
    ["file:///work/project/bin/policies/alarm.js", "policies"],
    ["file:///work/project/bin/index.js", "index.js"],
    ["node:internal/modules/cjs/loader", "node:internal"],
    ["", "(vm)"],
  ])("puts %s in %s", (url, area) => {
    expect(areaOf(url, root)).toBe(area);
  });
});

describe("summarizeProfile", () => {
  it("adds each sample's time delta to the node it landed on, leaves idle out, then groups by function and area", () => {
    const frame = (functionName: string, url: string, lineNumber: number) => ({
      functionName,
      url,
      lineNumber,
      columnNumber: 0,
    });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame("(root)", "", -1) },
        {
          id: 2,
          callFrame: frame("deserializeProperty", `file://${root}/node_modules/@pulumi/policy/deserialize.js`, 59),
        },
        { id: 3, callFrame: frame("readStack", `file://${root}/bin/lib/stack/model.js`, 9) },
        {
          id: 4,
          callFrame: frame("deserializeProperty", `file://${root}/node_modules/@pulumi/policy/deserialize.js`, 59),
        },
        { id: 5, callFrame: frame("(idle)", "", -1) },
      ],
      samples: [2, 3, 2, 4, 1, 5],
      timeDeltas: [1000, 3000, 2000, 4000, 0, 50000],
    };
    const s = summarizeProfile(profile, root, "p.cpuprofile", 2);
    expect(s.totalMs).toBe(10);
    expect(s.topFunctions).toEqual([
      { name: "deserializeProperty node_modules/@pulumi/policy/deserialize.js:60", selfMs: 7, share: 0.7 },
      { name: "readStack lib/stack/model.js:10", selfMs: 3, share: 0.3 },
    ]);
    expect(s.topProjectFunctions).toEqual([{ name: "readStack lib/stack/model.js:10", selfMs: 3, share: 0.3 }]);
    expect(s.areas).toEqual([
      { name: "node_modules/@pulumi/policy", selfMs: 7, share: 0.7 },
      { name: "lib/stack", selfMs: 3, share: 0.3 },
    ]);
  });
});
