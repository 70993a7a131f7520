import type { VerdictInput, VerdictScenario } from "../src/engine/verdict";
import type { Report, ScenarioEntry } from "./Report";

/** A scenario entry of report.json (under the row of its status) as the verdict rules see it. */
export function verdictScenarioOf(status: number): (s: ScenarioEntry) => VerdictScenario {
  return (s) => ({ status, tier: s.tier, outcome: s.outcome, cause: s.cause, breaches: s.breaches.length });
}

/**
 * A written report as the verdict rules see it: what verify-report recomputes the verdict and the rows from,
 * by the same rules the run used.
 */
export function verdictInputOfReport(report: Report): VerdictInput {
  return {
    documentedStatuses: report.statuses.map((r) => r.status),
    scenarios: report.statuses.flatMap((r) => r.scenarios.map(verdictScenarioOf(r.status))),
    runBreaches: report.breaches.length,
    aborted: report.aborted?.kind,
    partial: report.partial,
  };
}
