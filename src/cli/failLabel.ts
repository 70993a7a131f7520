import type { Tier } from "../engine/Scenario";

/** How a failure is labelled: FAIL decides the verdict; FINDING (extended) and FLAGGED are reported only. */
export function failLabel(tier: Tier): "FAIL" | "FINDING" | "FLAGGED" {
  return tier === "core" ? "FAIL" : tier === "extended" ? "FINDING" : "FLAGGED";
}
