/**
 * The surviving mutants judged equivalent (no input makes the pack behave differently), as listed in docs/mutation/:
 * Markdown tables whose rows are `| file:line | mutator | mutant | why no input can tell |`.
 */

export interface Equivalent {
  /** As listed: a path from the project's root, or from the file's folder. */
  readonly file: string;
  readonly line: number;
  /** One mutator, or several (`ConditionalExpression, LogicalOperator`) when one reason covers them. */
  readonly mutator: string;
  readonly mutant: string;
  readonly why: string;
  /** Where it is listed: the document and its line. */
  readonly source: string;
}

export type EquivalentsResult =
  { readonly ok: true; readonly equivalents: readonly Equivalent[] } | { readonly ok: false; readonly message: string };

const LOCATION = /^`?([\w./-]+\.ts):(\d+)`?$/;

/**
 * The rows of the tables in `text` headed `| file:line | mutator | mutant | why no input can tell |` (other tables,
 * such as survivors left for a later test, are not judgements of equivalence). The file may be named from its folder
 * (`parser.ts:12` in docs/mutation/filter-pattern.md). A row without its reason is an error at its line: a
 * judgement without its why is not one.
 */
export function readEquivalents(text: string, document: string): EquivalentsResult {
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
    if (/^-+$/.test((cells[0] ?? "").replace(/[:\s]/g, ""))) continue;
    const location = LOCATION.exec(cells[0] ?? "");
    if (!location) {
      judging = cells[0]?.toLowerCase() === "file:line" && /^why no input/i.test(cells[3] ?? "");
      continue;
    }
    if (!judging) continue;
    const source = `${document}:${index + 1}`;
    if (cells.length < 4 || cells[3] === "") {
      return { ok: false, message: `${source}: a row needs | file:line | mutator | mutant | why |, with the why` };
    }
    equivalents.push({
      file: location[1],
      line: Number(location[2]),
      mutator: unquote(cells[1]),
      mutant: unquote(cells[2]),
      why: cells[3],
      source,
    });
  }
  return { ok: true, equivalents };
}

/** A table row's cells, trimmed; `\|` stays inside its cell. */
function splitRow(row: string): string[] {
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
