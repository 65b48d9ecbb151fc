/**
 * The surviving mutants judged equivalent (no input makes the pack behave differently), as listed in docs/mutation/:
 * Markdown tables headed `| file:line | mutator | mutant | why no input can tell |`. A row may name several places
 * (`evaluate.ts:54, 56 (evaluate), 155-156; explain.ts:46-47`) and several mutators (`ConditionalExpression,
 * StringLiteral`): it judges every mutant of those mutators at those places.
 */

export interface Place {
  /**
   * A path from the project's root, or from the file's folder (`filter-pattern/scanner.ts`); a bare name listed in a
   * document of a folder (`scanner.ts` in docs/mutation/alarm-rule.md) is read as that folder's file.
   */
  readonly file: string;
  readonly line: number;
}

export interface Equivalent {
  readonly places: readonly Place[];
  readonly mutators: readonly string[];
  readonly mutant: string;
  readonly why: string;
  /** Where it is listed: the document and its line. */
  readonly source: string;
}

export type EquivalentsResult =
  { readonly ok: true; readonly equivalents: readonly Equivalent[] } | { readonly ok: false; readonly message: string };

/**
 * The places a location cell names: each `file.ts:` followed by lines (`12`) and ranges (`12-14`); notes in
 * parentheses or backquotes are skipped.
 */
export function placesOf(cell: string): Place[] {
  const places: Place[] = [];
  let file: string | undefined;
  const tokens = /([\w./-]+\.ts):|(\d+)(?:\s*[-–]\s*(\d+))?|\([^)]*\)|`[^`]*`/g;
  // A quoted place is a place (`lib/a/x.ts:10`); other quoted text is a note.
  const unquoted = cell.replace(/`([\w./-]+\.ts:[^`]*)`/g, "$1");
  for (const match of unquoted.matchAll(tokens)) {
    if (match[1] !== undefined) file = match[1];
    else if (match[2] !== undefined && file !== undefined) {
      const first = Number(match[2]);
      const last = match[3] === undefined ? first : Number(match[3]);
      for (let line = first; line <= last && line - first < 1000; line++) places.push({ file, line });
    }
  }
  return places;
}

/**
 * The folder whose survivors a document judges: docs/mutation/<area>.md judges lib/<area>/, and policies.md
 * policies/.
 */
export function folderOfDocument(document: string): string {
  const area = document.replace(/^.*\//, "").replace(/\.md$/, "");
  return area === "policies" ? "policies" : `lib/${area}`;
}

/**
 * The rows of the tables headed by a reason of equivalence (other tables, such as survivors left for a later test,
 * judge nothing). A row without a place, a mutator or its reason is an error at its line: a judgement without its
 * why is not one. A bare file name is `folder`'s file when a folder is given, so that `scanner.ts:43` in the
 * alarm rules' document never judges a mutant of lib/filter-pattern/scanner.ts.
 */
export function readEquivalents(text: string, document: string, folder?: string): EquivalentsResult {
  const equivalents: Equivalent[] = [];
  const lines = text.split("\n");
  let judging = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim();
    if (!line.startsWith("|")) {
      judging = false;
      continue;
    }
    const cells = splitRow(line);
    if (isSeparator(cells)) continue;
    if (isSeparator(splitRow(lines[index + 1]?.trim() ?? ""))) {
      judging = cells[0]?.toLowerCase() === "file:line" && /^why no input/i.test(cells[3] ?? "");
      continue;
    }
    if (!judging) continue;
    const source = `${document}:${index + 1}`;
    const places = placesOf(cells[0] ?? "").map((place) =>
      folder === undefined || place.file.includes("/") ? place : { file: `${folder}/${place.file}`, line: place.line },
    );
    const mutators = (cells[1] ?? "").split(/\s*,\s*/).filter((m) => /^[A-Za-z]+$/.test(m));
    if (places.length === 0 || mutators.length === 0 || cells.length < 4 || cells[3] === "") {
      return {
        ok: false,
        message: `${source}: a row needs | file.ts:line | Mutator | mutant | why |, with the why`,
      };
    }
    equivalents.push({ places, mutators, mutant: unquote(cells[2]), why: cells[3], source });
  }
  return { ok: true, equivalents };
}

const isSeparator = (cells: readonly string[]): boolean =>
  cells.length > 0 && cells.every((cell) => /^:?-{3,}:?$/.test(cell));

/** A table row's cells, trimmed; `\|` stays inside its cell. Not a row: no cells. */
function splitRow(row: string): string[] {
  if (!row.startsWith("|")) return [];
  const cells: string[] = [];
  let current = "";
  for (let i = 1; i < row.length; i++) {
    const ch = row[i];
    if (ch === "\\" && row[i + 1] === "|") {
      current += "|";
      i++;
    } else if (ch === "|") {
      cells.push(current.trim());
      current = "";
    } else current += ch;
  }
  return cells;
}

const unquote = (cell: string): string => cell.replace(/^`(.*)`$/, "$1");
