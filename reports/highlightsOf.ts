import type { Check } from "../src/engine/checks/Check";
import type { Report, ScenarioEntry } from "./Report";

/** A scenario under the row of its documented status. */
export interface RowScenario {
  readonly status: number;
  readonly scenario: ScenarioEntry;
}

/** Something worth telling the cloud's owner that does not decide the verdict. */
export interface HighlightFinding {
  /** Stable across runs: the scenario id for an extended-tier failure, "id@scenario" for a report finding. */
  readonly key: string;
  /** The finding's id: the scenario's for an extended-tier failure. */
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  readonly scenario?: string;
}

/** What a reader of a report must see first, in the categories the verdict rules use (src/engine/verdict.ts). */
export interface Highlights {
  /** Core scenarios that failed, and scenarios of any tier that broke a rule no tier excuses: they decide. */
  readonly failures: readonly RowScenario[];
  /** Rules no tier excuses, broken by requests outside every scenario. */
  readonly runBreaches: readonly Check[];
  /** Extended-tier failures (concurrency) and the report's findings: reported, not deciding. */
  readonly findings: readonly HighlightFinding[];
  /** Flagged rules that failed here: reported, not deciding (unless --strict, where none are flagged). */
  readonly flaggedFailed: Report["flagged"];
  readonly notExercised: readonly RowScenario[];
}

export function highlightsOf(report: Report): Highlights {
  const all = report.statuses.flatMap((r) => r.scenarios.map((scenario) => ({ status: r.status, scenario })));
  const failures = all.filter(
    ({ scenario: s }) => (s.tier === "core" && s.outcome === "fail") || s.breaches.length > 0,
  );
  const extended: HighlightFinding[] = all
    .filter(({ scenario: s }) => s.tier === "extended" && s.outcome === "fail")
    .map(({ scenario: s }) => ({
      key: s.id,
      id: s.id,
      title: s.title,
      detail: s.reason ?? s.observed,
      scenario: s.id,
    }));
  const reported: HighlightFinding[] = report.findings.map((f) => ({
    key: `${f.id}@${f.scenario ?? ""}`,
    id: f.id,
    title: f.title,
    detail: f.detail,
    ...(f.scenario === undefined ? {} : { scenario: f.scenario }),
  }));
  return {
    failures,
    runBreaches: report.breaches.filter((c) => !c.ok),
    findings: [...extended, ...reported],
    flaggedFailed: report.flagged.filter((f) => f.outcome === "fail"),
    notExercised: all.filter(({ scenario: s }) => s.outcome === "not-exercised"),
  };
}
