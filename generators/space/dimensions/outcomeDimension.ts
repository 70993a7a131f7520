import type { Dimension } from "../Dimension";
import type { Observation } from "../Observation";

/** The answer the documents call for: each other level is also crossed with every answer it can lead to. */
export function outcomeDimension(
  statuses: readonly number[],
  expected: (obs: Observation) => readonly number[],
): Dimension {
  return {
    id: "outcome",
    title: "the documented answer",
    levels: statuses.map((s) => ({
      id: String(s),
      title: `${s} expected`,
      source: "the profile's responses",
    })),
    classify: (obs) => {
      const first = expected(obs)[0];
      return first === undefined ? [] : [String(first)];
    },
  };
}
