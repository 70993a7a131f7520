import { markup, type Html } from "./Html";
import { labelClass } from "./palette";
import type { OutcomeLabel } from "../outcomeLabel";

/** An outcome as a word on its colour. */
export function badge(label: OutcomeLabel): Html {
  return markup`<span class="badge ${labelClass(label)}">${label}</span>`;
}
