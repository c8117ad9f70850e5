import { clauseById } from "../../fixtures/spec";
import { isUnexpected } from "../model/outcome";
import { defaultOutcome } from "../model/level-outcomes";
import type { Level } from "../model/scenario";
import type { ResultRow } from "../runner/result";
import type { Report } from "./report-json";

/**
 * Why a row matters, as every output tells it (terminal, summary.md, junit.xml, report.html):
 * the sentence of the spec it checks (h2spec puts it on every failure line) and why its outcome
 * was expected, in the words of the expectations entry that said so. One function, so the four
 * outputs cannot tell it differently.
 */
export interface RowExplanation {
  readonly clause: string;
  readonly level: Level;
  /** The clause's sentence, whole (absent when neither the report nor this catalogue knows the clause). */
  readonly sentence?: string;
  /** Where the sentence is: "zmq_ipc(7) 3.2.5 Binding a socket ¶3". */
  readonly where?: string;
  /** "pass", "non-strict or pass". */
  readonly expected: string;
  /** The entry's reason, or why nothing but the default was expected. */
  readonly because: string;
  readonly link?: string;
  /** file:line of the entry. */
  readonly source?: string;
}

export function explainRow(row: ResultRow, report: Pick<Report, "clauses" | "implementations">): RowExplanation {
  const clause = report.clauses?.[row.clause] ?? clauseById(row.clause);
  return {
    clause: row.clause,
    level: row.level,
    ...(clause !== undefined ? { sentence: clause.text, where: clause.display ?? clause.source } : {}),
    expected: row.expected.join(" or ") || "nothing",
    because: row.expectation?.reason ?? noEntry(row, report),
    ...(row.expectation?.link !== undefined ? { link: row.expectation.link } : {}),
    ...(row.expectation !== undefined ? { source: row.expectation.source } : {}),
  };
}

/** Rows worth explaining: the unexpected ones, and those expected not to pass (a known fail, non-strict, timeout, error). */
export function needsExplaining(row: ResultRow): boolean {
  return isUnexpected(row) || isKnownNonPass(row);
}

/**
 * Expected, and not the scenario's default: what an expectations entry had to say. Unsupported
 * and skipped rows are left out: they say what the implementation or the platform lacks, not
 * what it does against the spec.
 */
export function isKnownNonPass(row: ResultRow): boolean {
  return !isUnexpected(row) && row.outcome !== defaultOutcome(row.level) && row.outcome !== "unsupported" && row.outcome !== "skipped";
}

function noEntry(row: ResultRow, report: Pick<Report, "implementations">): string {
  const fallback = defaultOutcome(row.level);
  // A report from before entries were quoted (schemaVersion 1) may expect more than the default.
  if (row.expected.length !== 1 || row.expected[0] !== fallback) return "the expectations list it (this report does not quote their entry)";
  const ids = [...new Set([row.implementation, row.binder, row.connecter].filter((id): id is string => id !== undefined))];
  const files = ids.map((id) => report.implementations.find((impl) => impl.id === id)?.expectations).filter((f): f is string => f !== undefined);
  return files.length > 0
    ? `no entry for it in ${files.join(" or ")}, so ${fallback} (the default)`
    : `no expectations entry for it, so ${fallback} (the default)`;
}

/** A sentence cut for a line of about `max` characters: at a word boundary, with an ellipsis; whole when it fits. */
export function cutSentence(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, "")}…`;
}
