import type { Outcome } from "../../src/engine/RunResult";
import { rowOutcome, type Verdict } from "../../src/engine/verdict";
import { highlightsOf, type HighlightFinding } from "../highlightsOf";
import { flagLabel, type OutcomeLabel } from "../outcomeLabel";
import type { Report, StatusRow } from "../Report";
import { verdictScenarioOf } from "../verdictInputOfReport";

/** An outcome in A and in B; undefined where that report has no such row or scenario. */
export interface OutcomeChange {
  readonly a: Outcome | undefined;
  readonly b: Outcome | undefined;
}

export interface RowChange extends OutcomeChange {
  readonly status: number;
}

export interface ScenarioChange extends OutcomeChange {
  readonly id: string;
  readonly status: number;
  readonly tier: string;
  /**
   * Whether the scenario broke a rule of every tier (a breach) in A and in B, where that changed: a scenario that
   * failed in both and breaches only in B is a change, and a regression, though its outcome is the same.
   */
  readonly breached?: { readonly a: boolean; readonly b: boolean };
}

/** A flagged rule's label (PASS, FLAGGED, FAIL, NOT EXERCISED) in A and in B; undefined where it is not flagged. */
export interface FlagChange {
  readonly id: string;
  readonly a: OutcomeLabel | undefined;
  readonly b: OutcomeLabel | undefined;
}

/** A report's profile as a diff names it. */
export interface ProfileOf {
  readonly id: string;
  readonly builtin: boolean;
  readonly sha256: string;
}

/** What changed from report A to report B: outcomes, findings, flags, profile, suite version, verdict. */
export interface ReportDiff {
  readonly verdict?: { readonly a: Verdict; readonly b: Verdict };
  /** B was judged against another profile document (another id, or the same id with other bytes). */
  readonly profile?: { readonly a: ProfileOf; readonly b: ProfileOf };
  readonly suiteVersion?: { readonly a: string; readonly b: string };
  readonly rows: readonly RowChange[];
  readonly scenarios: readonly ScenarioChange[];
  /** Why B did not run everything it meant to (cut short, or partial), when it did not. */
  readonly bCutShort?: string;
  readonly findings: {
    readonly added: readonly HighlightFinding[];
    /** Findings of A that B checked (their scenario ran in B) and did not find again. */
    readonly resolved: readonly HighlightFinding[];
    /** Findings of A whose checks never ran in B: not resolved, only not looked for. */
    readonly notChecked: readonly HighlightFinding[];
  };
  readonly flags: {
    readonly added: readonly string[];
    readonly dropped: readonly string[];
    readonly changed: readonly FlagChange[];
  };
  /**
   * Something that held in A does not in B: a row or a scenario pass → fail, a scenario that breaches in B and
   * did not in A, a row that passed gone from B, the profile changed, or the verdict conformant → other.
   */
  readonly regressions: number;
}

const passToFail = (c: OutcomeChange): boolean => c.a === "pass" && c.b === "fail";
const passToAbsent = (c: OutcomeChange): boolean => c.a === "pass" && c.b === undefined;

/** A row's outcome by rowOutcome, the rule the run and verify-report use: a report of an older version agrees. */
const outcomeOfRow = (r: StatusRow): Outcome => rowOutcome(r.scenarios.map(verdictScenarioOf(r.status)));

const profileOf = (r: Report): ProfileOf => ({
  id: r.profile,
  builtin: r.profileBuiltin,
  sha256: r.openapiSha256,
});

/** Why a report did not run everything it meant to, if it did not. */
function cutShort(r: Report): string | undefined {
  if (r.aborted !== undefined) return `cut short: ${r.aborted.message}`;
  return r.partial === undefined ? undefined : `partial: ${r.partial}`;
}

/** Entries of two keyed lists whose outcome differs, or that only one of them has; in A's order, then B's. */
function changes<T, K, O extends string = Outcome>(
  a: readonly T[],
  b: readonly T[],
  key: (t: T) => K,
  outcome: (t: T) => O,
): {
  readonly key: K;
  readonly a?: T;
  readonly b?: T;
  readonly change: { a: O | undefined; b: O | undefined };
}[] {
  const inB = new Map(b.map((t) => [key(t), t]));
  const inA = new Map(a.map((t) => [key(t), t]));
  const out: { key: K; a?: T; b?: T; change: { a: O | undefined; b: O | undefined } }[] = [];
  for (const x of a) {
    const y = inB.get(key(x));
    if (y === undefined || outcome(x) !== outcome(y))
      out.push({
        key: key(x),
        a: x,
        ...(y === undefined ? {} : { b: y }),
        change: { a: outcome(x), b: y && outcome(y) },
      });
  }
  for (const y of b)
    if (!inA.has(key(y))) out.push({ key: key(y), b: y, change: { a: undefined, b: outcome(y) } });
  return out;
}

interface ScenarioAt {
  readonly status: number;
  readonly id: string;
  readonly tier: string;
  readonly outcome: Outcome;
  readonly breached: boolean;
}

function scenariosOf(r: Report): ScenarioAt[] {
  return r.statuses.flatMap((row) =>
    row.scenarios.map((s) => ({
      status: row.status,
      id: s.id,
      tier: s.tier,
      outcome: s.outcome,
      breached: s.breaches.length > 0,
    })),
  );
}

const breachGained = (c: ScenarioChange): boolean => c.breached?.a === false && c.breached.b;

/** Compares two reports (A before, B after), matching rows by status, scenarios and flags by id. */
export function diffReports(a: Report, b: Report): ReportDiff {
  const rows = changes(a.statuses, b.statuses, (r) => r.status, outcomeOfRow).map((c): RowChange => ({
    status: c.key,
    ...c.change,
  }));
  const scenarios = changes(
    scenariosOf(a),
    scenariosOf(b),
    (s) => s.id,
    (s) => `${s.outcome}${s.breached ? " breached" : ""}`,
  ).map((c): ScenarioChange => {
    const s = c.b ?? c.a;
    const breached =
      c.a !== undefined && c.b !== undefined && c.a.breached !== c.b.breached
        ? { breached: { a: c.a.breached, b: c.b.breached } }
        : {};
    return {
      id: c.key,
      status: s?.status ?? 0,
      tier: s?.tier ?? "",
      a: c.a?.outcome,
      b: c.b?.outcome,
      ...breached,
    };
  });
  const fa = highlightsOf(a).findings;
  const fb = highlightsOf(b).findings;
  const keysA = new Set(fa.map((f) => f.key));
  const keysB = new Set(fb.map((f) => f.key));
  const bShort = cutShort(b);
  // A finding is resolved only where B looked for it: its scenario ran to an outcome in B (a finding of the run
  // itself, such as a create that failed yet stored, needs a whole run of B).
  const ranInB = new Set(
    b.statuses.flatMap((r) => r.scenarios.filter((s) => s.outcome !== "not-exercised").map((s) => s.id)),
  );
  const checkedInB = (f: HighlightFinding): boolean =>
    f.scenario === undefined ? bShort === undefined : ranInB.has(f.scenario);
  const gone = fa.filter((f) => !keysB.has(f.key));
  const flagChanges = changes(a.flagged, b.flagged, (f) => f.id, flagLabel);
  const profileChanged =
    a.profile !== b.profile || a.openapiSha256 !== b.openapiSha256 || a.profileBuiltin !== b.profileBuiltin;
  const verdictRegressed = a.verdict === "conformant" && b.verdict !== "conformant";
  return {
    ...(a.verdict === b.verdict ? {} : { verdict: { a: a.verdict, b: b.verdict } }),
    ...(profileChanged ? { profile: { a: profileOf(a), b: profileOf(b) } } : {}),
    ...(a.suiteVersion === b.suiteVersion ? {} : { suiteVersion: { a: a.suiteVersion, b: b.suiteVersion } }),
    rows,
    scenarios,
    ...(bShort === undefined ? {} : { bCutShort: bShort }),
    findings: {
      added: fb.filter((f) => !keysA.has(f.key)),
      resolved: gone.filter(checkedInB),
      notChecked: gone.filter((f) => !checkedInB(f)),
    },
    flags: {
      added: flagChanges.filter((c) => c.a === undefined).map((c) => c.key),
      dropped: flagChanges.filter((c) => c.b === undefined).map((c) => c.key),
      changed: flagChanges
        .filter((c) => c.a !== undefined && c.b !== undefined)
        .map((c): FlagChange => ({ id: c.key, ...c.change })),
    },
    regressions:
      rows.filter((r) => passToFail(r) || passToAbsent(r)).length +
      scenarios.filter((c) => passToFail(c) || breachGained(c)).length +
      (profileChanged ? 1 : 0) +
      (verdictRegressed ? 1 : 0),
  };
}

/** Nothing that the diff reports changed. */
export function isUnchanged(d: ReportDiff): boolean {
  return (
    d.verdict === undefined &&
    d.profile === undefined &&
    d.suiteVersion === undefined &&
    d.rows.length === 0 &&
    d.scenarios.length === 0 &&
    d.findings.added.length === 0 &&
    d.findings.resolved.length === 0 &&
    d.findings.notChecked.length === 0 &&
    d.flags.added.length === 0 &&
    d.flags.dropped.length === 0 &&
    d.flags.changed.length === 0
  );
}
