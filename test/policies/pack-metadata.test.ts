/**
 * The metadata Pulumi Cloud shows for the pack: README.md's opening section (up to the first second-level heading,
 * Markdown's `## `) and package.json's repository URL (npm's `repository` field: a string, or an object with
 * `url`; https://docs.npmjs.com/cli/v10/configuring-npm/package-json#repository), read from the nearest folder that
 * holds both files. Folders are made for each test in the system's temporary directory.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { openingSection, packMetadata, packRoot, repositoryUrl } from "../../policies/pack-metadata";

let scratch: string;
beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pack-metadata-"));
});
afterEach(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

function folder(...parts: string[]): string {
  const dir = path.join(scratch, ...parts);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

describe("packRoot", () => {
  it("is this repository's root seen from policies/, where the module lives", () => {
    const root = path.join(__dirname, "..", "..");
    expect(packRoot(path.join(root, "policies"))).toBe(root);
  });

  it("looks at the start folder and at most three above it, for both files", () => {
    const root = folder("pack");
    fs.writeFileSync(path.join(root, "package.json"), "{}");
    fs.writeFileSync(path.join(root, "README.md"), "# Pack\n");
    expect(packRoot(root)).toBe(root);
    expect(packRoot(folder("pack", "a", "b", "c"))).toBe(root);
    expect(packRoot(folder("pack", "a", "b", "c", "d"))).toBeUndefined();
  });

  it("a folder with package.json alone, or README.md alone, is not the root", () => {
    fs.writeFileSync(path.join(folder("only-package"), "package.json"), "{}");
    fs.writeFileSync(path.join(folder("only-readme"), "README.md"), "# x\n");
    expect(packRoot(path.join(scratch, "only-package"))).toBeUndefined();
    expect(packRoot(path.join(scratch, "only-readme"))).toBeUndefined();
  });

  it("stops at the file system's root", () => {
    expect(packRoot(path.parse(scratch).root)).toBeUndefined();
  });
});

describe("openingSection", () => {
  it.each([
    ["# Pack\n\nChecks alarms.\n\n## Install\n\nnpm i\n", "# Pack\n\nChecks alarms."],
    ["# Pack\n\nNo sections.\n", "# Pack\n\nNo sections."],
    ["# Pack\n\n### A third-level heading\n\n## Use\n", "# Pack\n\n### A third-level heading"],
    ["# Pack\n\nText with ## inside a line.\n", "# Pack\n\nText with ## inside a line."],
  ])("%j opens with %j", (readme, expected) => {
    expect(openingSection(readme)).toBe(expected);
  });
});

describe("repositoryUrl", () => {
  it.each<[unknown, string | undefined]>([
    ["https://github.com/owner/pack", "https://github.com/owner/pack"],
    ["git+https://github.com/owner/pack.git", "https://github.com/owner/pack"],
    // Only a leading `git+` and a trailing `.git` are npm's decoration: a GitHub Pages repository keeps its name.
    ["git+https://github.com/owner/owner.github.io.git", "https://github.com/owner/owner.github.io"],
    ["https://example.com/tools/git+pack", "https://example.com/tools/git+pack"],
    [{ type: "git", url: "git+https://github.com/owner/pack.git" }, "https://github.com/owner/pack"],
    [{ type: "git" }, undefined],
    [{ url: "" }, undefined],
    ["", undefined],
    [null, undefined],
    [42, undefined],
    [undefined, undefined],
  ])("%j gives %j", (field, expected) => {
    expect(repositoryUrl(field)).toBe(expected);
  });
});

describe("packMetadata", () => {
  it("reads both fields from the root", () => {
    const root = folder("pack");
    fs.writeFileSync(path.join(root, "README.md"), "# Pack\n\nChecks alarms.\n\n## Install\n");
    fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ repository: "git+https://github.com/o/p.git" }));
    expect(packMetadata(root)).toStrictEqual({
      readme: "# Pack\n\nChecks alarms.",
      repository: "https://github.com/o/p",
    });
  });

  it("leaves out what the files do not give", () => {
    const noRepository = folder("no-repository");
    fs.writeFileSync(path.join(noRepository, "README.md"), "# Pack\n");
    fs.writeFileSync(path.join(noRepository, "package.json"), JSON.stringify({ name: "pack" }));
    expect(packMetadata(noRepository)).toStrictEqual({ readme: "# Pack" });

    const unreadable = folder("unreadable");
    fs.writeFileSync(path.join(unreadable, "package.json"), "{ not json");
    expect(packMetadata(unreadable)).toStrictEqual({});
  });
});
