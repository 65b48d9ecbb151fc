/** This project's root directory, found from a compiled or source file inside it. */
import * as fs from "fs";
import * as path from "path";

/** The first directory at or above `from` that holds a package.json: this project's root from any file in it. */
export function toolRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}
