import type { Outcome } from "../../src/engine/RunResult";
import type { Verdict } from "../../src/engine/verdict";
import { highlightsOf, type HighlightFinding } from "../highlightsOf";
import type { Report } from "../Report";

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
}

export interface FlagChange extends OutcomeChange {
  readonly id: string;
}

/** What changed from report A to report B: outcomes, findings, flags, profile, suite version, verdict. */
export interface ReportDiff {
  readonly verdict?: { readonly a: Verdict; readonly b: Verdict };
  readonly profile?: {
    readonly a: { readonly id: string; readonly sha256: string };
    readonly b: { readonly id: string; readonly sha256: string };
  };
  readonly suiteVersion?: { readonly a: string; readonly b: string };
  readonly rows: readonly RowChange[];
  readonly scenarios: readonly ScenarioChange[];
  readonly findings: {
    readonly added: readonly HighlightFinding[];
    readonly resolved: readonly HighlightFinding[];
  };
  readonly flags: {
    readonly added: readonly string[];
    readonly dropped: readonly string[];
    readonly changed: readonly FlagChange[];
  };
  /** Something that passed in A fails in B: a row or a scenario pass → fail, or the verdict conformant → other. */
  readonly regressions: number;
}

const passToFail = (c: OutcomeChange): boolean => c.a === "pass" && c.b === "fail";

/** Entries of two keyed lists whose outcome differs, or that only one of them has; in A's order, then B's. */
function changes<T, K>(
  a: readonly T[],
  b: readonly T[],
  key: (t: T) => K,
  outcome: (t: T) => Outcome,
): { readonly key: K; readonly a?: T; readonly b?: T; readonly change: OutcomeChange }[] {
  const inB = new Map(b.map((t) => [key(t), t]));
  const inA = new Map(a.map((t) => [key(t), t]));
  const out: { key: K; a?: T; b?: T; change: OutcomeChange }[] = [];
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

function scenariosOf(r: Report): { status: number; id: string; tier: string; outcome: Outcome }[] {
  return r.statuses.flatMap((row) =>
    row.scenarios.map((s) => ({ status: row.status, id: s.id, tier: s.tier, outcome: s.outcome })),
  );
}

/** Compares two reports (A before, B after), matching rows by status, scenarios and flags by id. */
export function diffReports(a: Report, b: Report): ReportDiff {
  const rows = changes(
    a.statuses,
    b.statuses,
    (r) => r.status,
    (r) => r.outcome,
  ).map((c): RowChange => ({ status: c.key, ...c.change }));
  const scenarios = changes(
    scenariosOf(a),
    scenariosOf(b),
    (s) => s.id,
    (s) => s.outcome,
  ).map((c): ScenarioChange => {
    const s = c.b ?? c.a;
    return { id: c.key, status: s?.status ?? 0, tier: s?.tier ?? "", ...c.change };
  });
  const fa = highlightsOf(a).findings;
  const fb = highlightsOf(b).findings;
  const keysA = new Set(fa.map((f) => f.key));
  const keysB = new Set(fb.map((f) => f.key));
  const flagChanges = changes(
    a.flagged,
    b.flagged,
    (f) => f.id,
    (f) => f.outcome,
  );
  const profileChanged = a.profile !== b.profile || a.openapiSha256 !== b.openapiSha256;
  const verdictRegressed = a.verdict === "conformant" && b.verdict !== "conformant";
  return {
    ...(a.verdict === b.verdict ? {} : { verdict: { a: a.verdict, b: b.verdict } }),
    ...(profileChanged
      ? {
          profile: {
            a: { id: a.profile, sha256: a.openapiSha256 },
            b: { id: b.profile, sha256: b.openapiSha256 },
          },
        }
      : {}),
    ...(a.suiteVersion === b.suiteVersion ? {} : { suiteVersion: { a: a.suiteVersion, b: b.suiteVersion } }),
    rows,
    scenarios,
    findings: { added: fb.filter((f) => !keysA.has(f.key)), resolved: fa.filter((f) => !keysB.has(f.key)) },
    flags: {
      added: flagChanges.filter((c) => c.a === undefined).map((c) => c.key),
      dropped: flagChanges.filter((c) => c.b === undefined).map((c) => c.key),
      changed: flagChanges
        .filter((c) => c.a !== undefined && c.b !== undefined)
        .map((c): FlagChange => ({ id: c.key, ...c.change })),
    },
    regressions:
      rows.filter(passToFail).length + scenarios.filter(passToFail).length + (verdictRegressed ? 1 : 0),
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
    d.flags.added.length === 0 &&
    d.flags.dropped.length === 0 &&
    d.flags.changed.length === 0
  );
}
