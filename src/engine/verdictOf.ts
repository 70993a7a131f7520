import type { RunResult } from "./RunResult";
import { judge, type Verdict, type VerdictInput } from "./verdict";

/** A run as the verdict rules see it. */
export function verdictInputOf(run: RunResult): VerdictInput {
  return {
    documentedStatuses: run.profile.documentedStatuses,
    scenarios: run.results.map((r) => ({
      status: r.scenario.status,
      tier: r.scenario.tier,
      outcome: r.outcome,
      cause: r.cause,
      breaches: r.breaches.length,
    })),
    runBreaches: run.breaches.length,
    aborted: run.aborted?.kind,
    partial: run.partial,
  };
}

/** The run's verdict, by the rules of verdict.ts. */
export function verdictOf(run: RunResult): Verdict {
  return judge(verdictInputOf(run)).verdict;
}
