import type { RunResult } from "./RunResult";

export type Verdict = "conformant" | "non-conformant" | "incomplete";

/**
 * Decided by the core scenarios only: extended (concurrency) and flagged scenarios are reported and decide
 * nothing. non-conformant: a core scenario failed. incomplete: the run was cut short, a documented status has
 * no core scenario, or one could not run for lack of something the user can give or set up. A 5xx that a live
 * target cannot be made to answer does not make the verdict incomplete.
 */
export function verdictOf(run: RunResult): Verdict {
  const core = run.results.filter((r) => r.scenario.tier === "core");
  if (core.some((r) => r.outcome === "fail")) return "non-conformant";
  if (run.aborted !== undefined) return "incomplete";
  if (core.some((r) => r.outcome === "not-exercised" && r.cause !== "untriggerable")) return "incomplete";
  const proven = new Set(core.map((r) => r.scenario.status));
  if (run.profile.documentedStatuses.some((s) => !proven.has(s))) return "incomplete";
  return "conformant";
}
