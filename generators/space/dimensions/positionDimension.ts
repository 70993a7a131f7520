import { charClassIds, classOfChar } from "../charClasses";
import type { Dimension } from "../Dimension";

/** The class of the tag's first or last character: trimming, anchoring and escaping defects live at the edges. */
export function positionDimension(which: "first" | "last"): Dimension {
  return {
    id: which,
    title: `${which} character of the tag`,
    levels: charClassIds.map((id) => ({
      id,
      title: `${which} character: ${id}`,
      source: "edge cases of trimming and pattern anchors (a known defect class)",
    })),
    classify: (obs) => {
      const cps = Array.from(obs.tag);
      const c = which === "first" ? cps[0] : cps[cps.length - 1];
      return c === undefined ? [] : [classOfChar(c)];
    },
  };
}
