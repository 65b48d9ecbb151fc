/**
 * Culprits: the clauses to blame for missed family records, with what the judgment needs to name those records
 * in words. For a JSON pattern a culprit is a condition or an `||` of them; for a term pattern, a term; for a
 * regex or space-delimited pattern, the whole pattern.
 */
import { stringLeaves } from "../cloudtrail";
import type { FamilyRecord } from "../cloudtrail";
import type { FilterPattern, JsonExpression, Term } from "../filter-pattern/ast";
import { evaluateJsonPattern, evaluatePattern } from "../filter-pattern/evaluate";
import { printFilterPattern } from "../filter-pattern/printer";
import { blameFor, explainJson, explainTerms } from "./blame";
import { asPattern, clauseText, conditionsOf, keyPath, uniquePaths } from "./clauses";
import type { JudgeContext } from "./context";
import { phraseOfExpression } from "./phrases";

export interface Culprit {
  /** The clause as written, shortened. */
  readonly text: string;
  /**
   * What the clause means, the same for every spelling of it (`- Root` and `-Root`, `{$.a=1}` and `{ $.a = 1 }`):
   * misses are grouped by it, so a pattern and its printed form are reported alike.
   */
  readonly key: string;
  /** Where the clause starts in the pattern: groups for clauses of the same events follow the pattern's order. */
  readonly position: number;
  /** Whether the clause alone is false for a record (so it accounts for that record's miss). */
  readonly fails: (record: FamilyRecord) => boolean;
  /** The key paths the clause is about: the fields it tests, or the fields that hold its text. */
  readonly paths: (records: readonly FamilyRecord[], missed: ReadonlySet<FamilyRecord>) => string[][];
  /**
   * The calls the clause rejects in words, given the records missed because of it: drawn from the clause (`calls
   * that do not mention "Root"`), and for a JSON clause from what its selector reaches in each missed record too, so
   * that they hold for every one of them (`calls without tlsDetails`, not `calls whose tlsDetails.* is "TLSv1.0"`);
   * undefined when there are no such words.
   */
  readonly phrase?: (missed: readonly FamilyRecord[]) => string | undefined;
}

/** The records of some events missed for one clause. */
export interface CulpritMisses {
  readonly culprit: Culprit;
  readonly events: string[];
  readonly records: FamilyRecord[];
  readonly missed: Set<FamilyRecord>;
}

/** The culprits of records, made once per clause of the judged pattern. */
export class CulpritCache {
  private readonly byNode = new Map<object, Culprit>();

  /** `missed`: the family records the whole pattern misses. */
  constructor(
    private readonly context: JudgeContext,
    private readonly missed: ReadonlySet<FamilyRecord>,
  ) {}

  /** The clauses to blame for a missed record; empty when no clause comes close (no eventName clause matches). */
  of(record: FamilyRecord): Culprit[] {
    const pattern = this.context.pattern;
    switch (pattern.kind) {
      case "json": {
        if (blameFor(this.context, record).kind !== "clauses") return [];
        return explainJson(pattern.expression, record.record).map((node) =>
          this.cached(node, () => jsonCulprit(this.context.text, node)),
        );
      }
      case "terms": {
        const culprits = explainTerms(pattern, record.message);
        if (culprits === "none") return [];
        return culprits.map((term) => this.cached(term, () => termCulprit(this.context.text, term)));
      }
      case "matchAll":
        return [];
      default:
        return [this.cached(pattern, () => wholePatternCulprit(this.context.text, pattern, this.missed))];
    }
  }

  private cached(node: object, make: () => Culprit): Culprit {
    let culprit = this.byNode.get(node);
    if (!culprit) {
      culprit = remembered(make());
      this.byNode.set(node, culprit);
    }
    return culprit;
  }
}

/** The culprit with `fails` remembered per record: attribution and description ask about the same records. */
function remembered(culprit: Culprit): Culprit {
  const known = new Map<FamilyRecord, boolean>();
  return {
    ...culprit,
    fails: (record) => {
      let fails = known.get(record);
      if (fails === undefined) {
        fails = culprit.fails(record);
        known.set(record, fails);
      }
      return fails;
    },
  };
}

function jsonCulprit(text: string, node: JsonExpression): Culprit {
  const paths = uniquePaths(
    conditionsOf(node)
      .map(keyPath)
      .filter((path): path is string[] => path !== undefined),
  );
  return {
    text: clauseText(text, node.span),
    key: `json ${printFilterPattern(asPattern(node))}`,
    position: node.span.start,
    fails: (record) => evaluateJsonPattern(asPattern(node), record.record).outcome === "noMatch",
    paths: () => paths,
    phrase: (missed) =>
      phraseOfExpression(
        node,
        missed.map((record) => record.record),
      ),
  };
}

function termCulprit(text: string, term: Term): Culprit {
  const excluded = term.modifier === "excluded";
  const occurs = (value: string): boolean => value.includes(term.text);
  return {
    text: clauseText(text, term.span),
    key: `term ${term.modifier} ${JSON.stringify(term.text)}`,
    position: term.span.start,
    fails: (record) => occurs(record.message) === excluded,
    // An excluded term: where the missed calls hold it; a required one: where the matched calls hold it.
    paths: (records, missed) =>
      pathsHolding(
        records.filter((record) => missed.has(record) === excluded),
        occurs,
      ),
    phrase: () => `calls that ${excluded ? "" : "do not "}mention ${JSON.stringify(term.text)}`,
  };
}

/** A regex or space-delimited pattern is one clause: the records it misses are its misses. */
function wholePatternCulprit(text: string, pattern: FilterPattern, missedRecords: ReadonlySet<FamilyRecord>): Culprit {
  const regex = pattern.kind === "regex" ? pattern : undefined;
  return {
    text: clauseText(text, pattern.span),
    key: "whole pattern",
    position: pattern.span.start,
    fails: (record) => missedRecords.has(record),
    paths: (records, missed) =>
      regex
        ? pathsHolding(
            records.filter((record) => !missed.has(record)),
            (value) => evaluatePattern(regex, value).outcome === "match",
          )
        : [],
    phrase: regex ? () => `calls with no match for %${regex.regex.source}%` : undefined,
  };
}

/** How many records `pathsHolding` reads: the fields are the same kind of field in every record. */
const RECORDS_READ_FOR_PATHS = 4;

/** The key paths whose string values satisfy `holds`, in a few of the records. */
function pathsHolding(records: readonly FamilyRecord[], holds: (value: string) => boolean): string[][] {
  const paths = records.slice(0, RECORDS_READ_FOR_PATHS).flatMap((record) =>
    stringLeaves(record.record)
      .filter((leaf) => holds(leaf.value))
      .map((leaf) => leaf.path),
  );
  return uniquePaths(paths);
}
