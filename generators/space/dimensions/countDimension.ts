import type { Dimension } from "../Dimension";

/**
 * Tag counts by level: one (the image's only tag), two, three, and many (more than ten). The counts between,
 * and an image with no tag, are no level (a request meeting one counts in no level of this dimension); nor is
 * the service's own limit (Glance's image_tag_quota), deployment configuration no profile documents.
 */
export const countLevels = [
  { id: "1", min: 1, max: 1 },
  { id: "2", min: 2, max: 2 },
  { id: "3", min: 3, max: 3 },
  { id: "11+", min: 11, max: 60 },
] as const;

/** How many tags the image carries when the request arrives (the tag named included when present). */
export function countDimension(): Dimension {
  return {
    id: "count",
    title: "tags on the image",
    levels: countLevels.map((l) => ({
      id: l.id,
      title: l.id === "1" ? "one tag (deleting it leaves none)" : `${l.id} tags`,
      source: "the image's tag list: its only tag, a few, more than ten",
    })),
    classify: (obs) => {
      if (typeof obs.image === "string") return undefined;
      const n = obs.image.tags.length;
      const level =
        n > 60 ? countLevels[countLevels.length - 1] : countLevels.find((l) => n >= l.min && n <= l.max);
      return level === undefined ? [] : [level.id];
    },
  };
}
