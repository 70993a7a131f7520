import type { Dimension } from "../Dimension";
import type { LengthLevel } from "../lengthLevels";

/** The tag's length in code points (as JSON Schema's maxLength counts), by the levels the schema gives. */
export function lengthDimension(lengths: readonly LengthLevel[]): Dimension {
  return {
    id: "length",
    title: "tag length (code points)",
    levels: lengths.map((l) => ({ id: l.id, title: `${l.id} characters`, source: l.source })),
    classify: (obs) => {
      const n = Array.from(obs.tag).length;
      return lengths.filter((l) => n >= l.min && n <= l.max).map((l) => l.id);
    },
  };
}
