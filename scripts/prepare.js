// `npm install` in a clone runs this (the `prepare` script): it compiles the pack to bin/ so that the engine loads
// plain JavaScript (under 2 s) instead of TypeScript through ts-node (15 to 22 s at every preview). `npm pack` (what
// `pulumi policy publish` runs) runs it too, so the tarball carries a fresh bin/.
// The published tarball carries only the compiled pack (no tsconfig.json, no TypeScript sources). The Pulumi CLI
// installs a pack it downloads with `npm install` in the unpacked directory, which runs `prepare` again: there the
// shipped bin/ is used as it is, whether or not TypeScript was installed.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const shipped = fs.existsSync(path.join(root, "bin", "index.js"));
if (!fs.existsSync(path.join(root, "tsconfig.json"))) {
  if (shipped) process.exit(0);
  console.error("prepare: neither tsconfig.json nor bin/index.js is here; this is not a copy of the pack.");
  process.exit(1);
}
let tsc;
try {
  tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
} catch {
  if (shipped) process.exit(0);
  console.error(
    "prepare: TypeScript is not installed and bin/index.js is missing; run `npm install` with devDependencies.",
  );
  process.exit(1);
}
const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.json")], {
  stdio: "inherit",
  cwd: root,
});
process.exit(result.status === null ? 1 : result.status);
