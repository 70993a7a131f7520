import type { Target } from "../../src/engine/Target";
import type { FaultPlan } from "../../src/reference/FaultPlan";
import { tokens } from "./reference";

/** A target description for a reference started by the test: live-like (no faults) unless a plan is given. */
export function targetFor(
  url: string,
  options: { alt?: boolean; faults?: FaultPlan; owner?: string } = {},
): Target {
  return {
    kind: options.faults === undefined ? "live" : "embedded",
    baseUrl: url,
    label: url,
    credentials: {
      owner: options.owner ?? tokens.owner,
      alt: options.alt === false ? undefined : tokens.alt,
    },
    altProjectId: undefined,
    faults: options.faults,
  };
}
