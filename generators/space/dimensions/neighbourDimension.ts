import type { Dimension } from "../Dimension";
import { neighboursOf, relationIds } from "../relations";

const titles: Readonly<Record<(typeof relationIds)[number], string>> = {
  case: "a case variant of the tag (tags are case-sensitive)",
  accent: "an accented variant (café for cafe: accent-insensitive collations fold them)",
  combining: "a variant with a combining mark (cafe + U+0301)",
  normalization: "the same text in another Unicode normal form (NFC / NFD)",
  prefix: "a proper prefix of the tag",
  suffix: "a proper suffix of the tag",
  extension: "the tag with more after it (prefix matching)",
  "pre-extension": "the tag with more before it (suffix matching)",
};

/**
 * Another tag on the image that a loose comparison would take for the one named. It applies where an image could
 * carry the tag named (a tag outside the schema is on no image, and so has no near miss there).
 */
export function neighbourDimension(storable: (tag: string) => boolean): Dimension {
  return {
    id: "neighbour",
    title: "a related tag on the image",
    levels: [
      { id: "none", title: "no related tag", source: "the plain case" },
      ...relationIds.map((id) => ({
        id,
        title: titles[id],
        source: "near misses of tag matching (MariaDB collations: the X/x finding on Glance)",
      })),
    ],
    classify: (obs) => {
      if (typeof obs.image === "string" || !storable(obs.tag)) return undefined;
      const found = neighboursOf(obs.tag, obs.image.tags);
      return found.length === 0 ? ["none"] : found;
    },
  };
}
