import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { Outcome } from "../model/outcome";
import { defaultOutcome, possibleOutcomes } from "../model/level-outcomes";
import type { Scenario } from "../model/scenario";
import { globToRegExp } from "../model/id-glob";
import schema from "./expectations.schema.json";

/**
 * Expectation files (one per implementation, fixtures/expectations/<id>.json, or --expect FILE):
 * which scenarios an implementation is known not to pass, with the outcome, the reason and
 * optionally platforms, a role for interop rows, and an intermittent mark. The gate fails only
 * on results these files do not expect (web-platform-tests' model).
 */
export interface Expectation {
  readonly scenario: string;
  readonly outcomes: readonly Outcome[];
  readonly reason: string;
  readonly link?: string;
  readonly platforms?: readonly string[];
  readonly role: "binder" | "connecter" | "any";
  /** Interop rows: only against these implementations at the other end. */
  readonly peers?: readonly string[];
  readonly intermittent: boolean;
  /** 1-based line of the entry in its file, for messages. */
  readonly line: number;
  readonly matcher: RegExp;
}

export interface ExpectationSet {
  readonly implementation: string;
  /** Where it came from, as the user gave it or relative to the package (absent: no file, everything expected to pass). */
  readonly file?: string;
  /** One of this project's files (fixtures/expectations), used without being asked for. */
  readonly shipped?: boolean;
  readonly entries: readonly Expectation[];
}

/** An expectation file that cannot be used: names the file, the line and the problem. */
export class ExpectationFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    problem: string,
  ) {
    super(`${file}${line === undefined ? "" : `:${line}`}: ${problem}`);
    this.name = "ExpectationFileError";
  }
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

export function parseExpectations(withBom: string, file: string): ExpectationSet {
  // Editors on Windows may start a UTF-8 file with a byte order mark: not a reason to refuse it.
  const text = withBom.replace(/^\uFEFF/, "");
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || tree === undefined) {
    const first = errors[0];
    const line = first === undefined ? 1 : lineOf(text, first.offset);
    throw new ExpectationFileError(file, line, `not valid JSON (${first === undefined ? "empty" : printParseErrorCode(first.error)})`);
  }
  const data = JSON.parse(text) as {
    implementation: string;
    expectations: Array<{
      scenario: string;
      outcome: Outcome | Outcome[];
      reason: string;
      link?: string;
      platforms?: string[];
      role?: Expectation["role"];
      peers?: string[];
      intermittent?: boolean;
    }>;
  };
  if (!validate(data)) {
    const messages = (validate.errors ?? []).map((error) => {
      const segments = error.instancePath
        .split("/")
        .slice(1)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, "/").replace(/~0/g, "~")));
      const node = findNodeAtLocation(tree, segments) ?? tree;
      const where = `line ${lineOf(text, node.offset)}`;
      const field = error.instancePath === "" ? "the file" : error.instancePath;
      const extra = error.params && "additionalProperty" in error.params ? ` ("${String(error.params.additionalProperty)}")` : "";
      const allowed = error.params && "allowedValues" in error.params ? ` (one of: ${(error.params.allowedValues as string[]).join(", ")})` : "";
      return { line: lineOf(text, node.offset), text: `${where}: ${field} ${error.message}${extra}${allowed}` };
    });
    throw new ExpectationFileError(file, messages[0]?.line, messages.map((m) => m.text).join("; "));
  }
  const entriesNode = findNodeAtLocation(tree, ["expectations"]);
  return {
    implementation: data.implementation,
    file,
    entries: data.expectations.map((entry, index) => ({
      scenario: entry.scenario,
      outcomes: Array.isArray(entry.outcome) ? entry.outcome : [entry.outcome],
      reason: entry.reason,
      link: entry.link,
      platforms: entry.platforms,
      role: entry.role ?? "any",
      peers: entry.peers,
      intermittent: entry.intermittent ?? false,
      line: lineOf(text, (entriesNode?.children?.[index] as Node | undefined)?.offset ?? 0),
      matcher: globToRegExp(entry.scenario),
    })),
  };
}

export function loadExpectationFile(file: string): ExpectationSet {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new ExpectationFileError(file, undefined, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseExpectations(text, file);
}

/** The expectations this project ships for an implementation it knows (none: everything passes). */
export function shippedExpectations(implementationId: string): ExpectationSet {
  const file = path.join(shippedExpectationsDir(), `${implementationId}.json`);
  if (!fs.existsSync(file)) return { implementation: implementationId, entries: [] };
  // Named as in the package, not by this machine's absolute path: reports quote it.
  return { ...parseExpectations(fs.readFileSync(file, "utf8"), `fixtures/expectations/${implementationId}.json`), shipped: true };
}

/**
 * Every entry must name a scenario that exists, and an outcome one of them can have (a typo, or
 * `fail` for a COMPAT scenario, which can only be `non-strict`, would otherwise expect nothing,
 * silently).
 */
export function checkAgainstCatalogue(set: ExpectationSet, scenarios: readonly Scenario[]): void {
  for (const entry of set.entries) {
    const matched = scenarios.filter((s) => entry.matcher.test(s.id));
    const where = set.file ?? set.implementation;
    if (matched.length === 0) throw new ExpectationFileError(where, entry.line, `"${entry.scenario}" matches no scenario`);
    if (matched.some((s) => entry.outcomes.some((o) => possibleOutcomes(s.level).includes(o)))) continue;
    const levels = [...new Set(matched.map((s) => s.level))];
    const possible = [...new Set(levels.flatMap(possibleOutcomes))];
    const what = matched.length === 1 ? `is ${/^[AEIOU]/.test(levels[0]) ? "an" : "a"} ${levels[0]} scenario` : `matches ${levels.join("/")} scenarios only`;
    throw new ExpectationFileError(
      where,
      entry.line,
      `"${entry.scenario}" ${what}: its outcome can be ${possible.join(", ")}, never ${entry.outcomes.join(" or ")}`,
    );
  }
}

export interface RowKey {
  readonly scenario: Scenario;
  readonly platformId: string;
  readonly platformName: string;
  readonly implementation?: string;
  readonly binder?: string;
  readonly connecter?: string;
  /** The implementations ran on another machine than the harness (a remote platform). */
  readonly remoteMachine?: boolean;
}

export interface Expected {
  readonly outcomes: Outcome[];
  readonly intermittent: boolean;
  readonly reason?: string;
  /** The entry that decided, and the file it is in (absent: no entry, the default outcome). */
  readonly entry?: Expectation;
  readonly file?: string;
}

/**
 * What a row is expected to be: the first matching entry, an exact id before globs, of the
 * implementation's set (for interop rows: the binder's set with role binder|any, then the
 * connecter's with role connecter|any); else pass (informational for INFO scenarios).
 */
export function expectedFor(row: RowKey, sets: ReadonlyMap<string, ExpectationSet>): Expected {
  // Cells the scenario itself says cannot run on this platform are skipped, as expected: no
  // implementation's file needs to say so.
  const only = row.scenario.platforms;
  if (only !== undefined && !only.includes(row.platformName as never)) {
    return { outcomes: ["skipped"], intermittent: false, reason: `the scenario applies to ${only.join(", ")} only (its metadata)` };
  }
  if (row.remoteMachine === true && row.scenario.needs?.includes("harness-machine")) {
    return {
      outcomes: ["skipped"],
      intermittent: false,
      reason: "the scenario needs the implementations on the harness's own machine (its metadata: needs harness-machine)",
    };
  }
  const candidates: Array<[string | undefined, Expectation["role"], string | undefined]> =
    row.implementation !== undefined
      ? [[row.implementation, "any", undefined]]
      : [
          [row.binder, "binder", row.connecter],
          [row.connecter, "connecter", row.binder],
        ];
  for (const [id, role, peer] of candidates) {
    const set = id === undefined ? undefined : sets.get(id);
    if (set === undefined) continue;
    const applicable = set.entries.filter(
      (e) =>
        e.matcher.test(row.scenario.id) &&
        (e.role === "any" || e.role === role) &&
        (e.peers === undefined || (peer !== undefined && e.peers.includes(peer))) &&
        (e.platforms === undefined || e.platforms.includes(row.platformId) || e.platforms.includes(row.platformName)),
    );
    const entry = applicable.find((e) => e.scenario === row.scenario.id) ?? applicable[0];
    if (entry !== undefined) {
      // Known to flake: the scenario's own outcome (pass; informational for INFO) is accepted too.
      const fallback = defaultOutcome(row.scenario.level);
      const outcomes = entry.intermittent && !entry.outcomes.includes(fallback) ? [...entry.outcomes, fallback] : [...entry.outcomes];
      return { outcomes, intermittent: entry.intermittent, reason: entry.reason, entry, file: set.file };
    }
  }
  return { outcomes: [defaultOutcome(row.scenario.level)], intermittent: false };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** fixtures/expectations, whether running from the TS sources or from dist/. */
function shippedExpectationsDir(): string {
  const candidates = [path.join(__dirname, "..", "..", "fixtures", "expectations"), path.join(__dirname, "..", "..", "..", "fixtures", "expectations")];
  return candidates.find((dir) => fs.existsSync(dir)) ?? candidates[0];
}
