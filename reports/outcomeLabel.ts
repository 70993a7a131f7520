import type { Outcome } from "../src/engine/RunResult";
import type { Tier } from "../src/engine/Scenario";

export type OutcomeLabel = "PASS" | "FAIL" | "FLAGGED" | "FINDING" | "NOT EXERCISED";

/**
 * How a scenario's outcome is shown: FAIL decides the verdict (a core failure, or a rule of every tier broken in
 * any tier); FLAGGED (a flagged rule failing only as its flag allows) and FINDING (extended tier) are reported.
 */
export function outcomeLabel(s: {
  readonly tier: Tier;
  readonly outcome: Outcome;
  readonly breaches: readonly unknown[];
}): OutcomeLabel {
  if (s.breaches.length > 0) return "FAIL";
  if (s.outcome === "pass") return "PASS";
  if (s.outcome === "not-exercised") return "NOT EXERCISED";
  return s.tier === "core" ? "FAIL" : s.tier === "extended" ? "FINDING" : "FLAGGED";
}

/** A status row's (or an interop test's) label: its outcome alone, decided already. */
export function rowLabel(outcome: Outcome): OutcomeLabel {
  return outcome === "pass" ? "PASS" : outcome === "fail" ? "FAIL" : "NOT EXERCISED";
}

/** A flagged rule's label: FLAGGED when it failed as its flag allows, FAIL when it broke a rule no flag excuses. */
export function flagLabel(f: { readonly outcome: Outcome; readonly breached: boolean }): OutcomeLabel {
  return outcomeLabel({ tier: "flagged", outcome: f.outcome, breaches: f.breached ? [f] : [] });
}
