// `npm install` runs this (the `prepare` script): it compiles the pack to bin/ so that the engine loads plain
// JavaScript (under 2 s) instead of TypeScript through ts-node (15 to 22 s at every preview).
// Where TypeScript is not installed (an install that omits devDependencies from a published tarball, which
// already carries bin/), the shipped bin/ is used as it is.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
let tsc;
try {
  tsc = require.resolve("typescript/bin/tsc", { paths: [root] });
} catch {
  if (fs.existsSync(path.join(root, "bin", "index.js"))) process.exit(0);
  console.error("prepare: TypeScript is not installed and bin/index.js is missing; run `npm install` with devDependencies.");
  process.exit(1);
}
const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.json")], { stdio: "inherit", cwd: root });
process.exit(result.status === null ? 1 : result.status);
