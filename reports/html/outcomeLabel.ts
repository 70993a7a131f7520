import { failLabel } from "../../src/cli/failLabel";
import type { Outcome } from "../../src/engine/RunResult";
import type { Tier } from "../../src/engine/Scenario";

/** The word every outcome is shown with, beside its colour: colour alone never carries the meaning. */
export type OutcomeLabel = "PASS" | "FAIL" | "FLAGGED" | "FINDING" | "NOT EXERCISED";

/** A scenario's label: a failure is FAIL in the core tier, FINDING in the extended one, FLAGGED for a flagged rule. */
export function outcomeLabel(outcome: Outcome, tier: Tier = "core"): OutcomeLabel {
  if (outcome === "pass") return "PASS";
  if (outcome === "not-exercised") return "NOT EXERCISED";
  return failLabel(tier);
}
