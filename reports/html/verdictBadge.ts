import type { Verdict } from "../../src/engine/verdict";
import { markup, type Html } from "./Html";

/** A verdict as a word on its colour. */
export function verdictBadge(verdict: Verdict): Html {
  return markup`<span class="badge vb-${verdict}">${verdict.toUpperCase()}</span>`;
}
