/** The files a whole `npm run mutate` mutates (stryker.config.json's `mutate` globs over the project's tree). */
import * as fs from "fs";
import * as path from "path";
import { filesMatching } from "./figures";

/** stryker.config.json's `mutate` globs. */
export function strykerMutateGlobs(root: string): string[] {
  const { mutate } = JSON.parse(fs.readFileSync(path.join(root, "stryker.config.json"), "utf8")) as {
    mutate: string[];
  };
  return mutate;
}

/** The top folders the `mutate` globs start from (`lib/**\/*.ts`: lib). */
export const foldersOf = (globs: readonly string[]): string[] => [
  ...new Set(globs.filter((glob) => !glob.startsWith("!")).map((glob) => glob.split("/")[0])),
];

/** Every file under `folders` of `root`, as a path from the root with `/`, sorted. */
export function filesUnder(root: string, folders: readonly string[]): string[] {
  return folders
    .flatMap((folder) =>
      fs
        .readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
        .map((file) => `${folder}/${file.split(path.sep).join("/")}`),
    )
    .sort();
}

/** How `root`'s file at a project path reads today: its source, or undefined when it is gone (`changedSince`). */
export const sourceReader =
  (root: string) =>
  (file: string): string | undefined => {
    try {
      return fs.readFileSync(path.join(root, file), "utf8");
    } catch {
      return undefined;
    }
  };

/** The files a whole `npm run mutate` mutates: those of the folders its `mutate` globs start from that they select. */
export function mutatedFiles(root: string): string[] {
  const mutate = strykerMutateGlobs(root);
  return filesMatching(mutate, filesUnder(root, foldersOf(mutate)));
}
