import type { RunResult } from "./RunResult";

export type Verdict = "conformant" | "non-conformant" | "incomplete";

/**
 * non-conformant: a scenario failed. incomplete: the run was cut short, a documented status has no scenario,
 * or a scenario could not run for lack of something the user can give or set up. A 5xx that a live target
 * cannot be made to answer does not make the verdict incomplete.
 */
export function verdictOf(run: RunResult): Verdict {
  if (run.results.some((r) => r.outcome === "fail")) return "non-conformant";
  if (run.aborted !== undefined) return "incomplete";
  if (run.results.some((r) => r.outcome === "not-exercised" && r.cause !== "untriggerable"))
    return "incomplete";
  const proven = new Set(run.results.map((r) => r.scenario.status));
  if (run.profile.documentedStatuses.some((s) => !proven.has(s))) return "incomplete";
  return "conformant";
}
