import type { ScenarioEntry } from "../Report";
import { outcomeLabel, type OutcomeLabel } from "./outcomeLabel";

/** The label a scenario is shown with. */
export function scenarioLabel(s: Pick<ScenarioEntry, "outcome" | "tier">): OutcomeLabel {
  return outcomeLabel(s.outcome, s.tier);
}

/** A scenario's anchor in the page: its id with anything outside [A-Za-z0-9_-] replaced. */
export function scenarioAnchor(id: string): string {
  return `scenario-${id.replace(/[^\w-]/g, "_")}`;
}

/** The anchor of a status's list of scenarios. */
export function statusAnchor(status: number): string {
  return `status-${status}`;
}
