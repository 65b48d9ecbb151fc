/**
 * The pack's metadata as Pulumi Cloud shows it: `readme` is README.md's opening section (up to the first `## `
 * heading), `repository` is package.json's `repository` URL. Both are read from the pack's own files when the
 * engine starts the pack; a missing file leaves the field out rather than failing the start-up.
 */
import * as fs from "fs";
import * as path from "path";

/** The pack's root: the nearest folder above this module holding both package.json and README.md. */
export function packRoot(start: string = __dirname): string | undefined {
  let folder = start;
  for (let depth = 0; depth < 4; depth++) {
    if (fs.existsSync(path.join(folder, "package.json")) && fs.existsSync(path.join(folder, "README.md")))
      return folder;
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return undefined;
}

/** README text up to its first second-level heading, trimmed. */
export function openingSection(readme: string): string {
  const match = /^## /m.exec(readme);
  return (match === null ? readme : readme.slice(0, match.index)).trim();
}

/** The repository URL of a package.json `repository` field (a string or `{ url }`), without a `git+` prefix. */
export function repositoryUrl(field: unknown): string | undefined {
  const url =
    typeof field === "string"
      ? field
      : field !== null && typeof field === "object"
        ? (field as { url?: unknown }).url
        : undefined;
  return typeof url === "string" && url !== "" ? url.replace(/^git\+/, "").replace(/\.git$/, "") : undefined;
}

/** `readme` and `repository` for the PolicyPack, as far as the pack's files give them. */
export function packMetadata(root: string | undefined = packRoot()): { readme?: string; repository?: string } {
  if (root === undefined) return {};
  const metadata: { readme?: string; repository?: string } = {};
  try {
    metadata.readme = openingSection(fs.readFileSync(path.join(root, "README.md"), "utf8"));
  } catch {
    // No README: the field stays out.
  }
  try {
    const repository = repositoryUrl(
      (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { repository?: unknown }).repository,
    );
    if (repository !== undefined) metadata.repository = repository;
  } catch {
    // No readable package.json: the engine would not have started the pack; leave the field out.
  }
  return metadata;
}
