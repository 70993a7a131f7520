import type { ScenarioEntry } from "../Report";
import { outcomeLabel, type OutcomeLabel } from "../outcomeLabel";

/** The label a scenario is shown with: FAIL whenever it broke a rule of every tier, whatever its tier. */
export function scenarioLabel(s: Pick<ScenarioEntry, "outcome" | "tier" | "breaches">): OutcomeLabel {
  return outcomeLabel(s);
}

/** A scenario's anchor in the page: its id with anything outside [A-Za-z0-9_-] replaced. */
export function scenarioAnchor(id: string): string {
  return `scenario-${id.replace(/[^\w-]/g, "_")}`;
}

/** The anchor of a status's list of scenarios. */
export function statusAnchor(status: number): string {
  return `status-${status}`;
}
