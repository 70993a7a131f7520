import type { Dimension } from "../Dimension";

/**
 * Tag counts by level: one (its only tag), two, three, several, many (more than ten). An image with no tag is
 * no level of its own (the requests that meet one count in no level of this dimension); the service's own limit
 * (Glance's image_tag_quota) is deployment configuration no profile documents, so it is no level either.
 */
export const countLevels = [
  { id: "1", min: 1, max: 1 },
  { id: "2", min: 2, max: 2 },
  { id: "3", min: 3, max: 3 },
  { id: "4-10", min: 4, max: 10 },
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
      if (n === 0) return [];
      const level = countLevels.find((l) => n >= l.min && n <= l.max) ?? countLevels[countLevels.length - 1];
      return level === undefined ? [] : [level.id];
    },
  };
}
