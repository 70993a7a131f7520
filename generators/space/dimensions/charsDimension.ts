import { compositionIds, compositionOf } from "../composition";
import type { Dimension } from "../Dimension";

const titles: Readonly<Record<(typeof compositionIds)[number], string>> = {
  digits: "digits only",
  letters: "letters only (both cases)",
  alnum: "letters and digits",
  word: "letters, digits, '-' and '_' (huawei-ims: the documented alphabet)",
  punct: "ASCII punctuation (quotes, backslash, ';', '%'...)",
  percent: "looks percent-encoded (%2F, %25...): decoding twice names another tag",
  space: "ASCII whitespace (space, tab)",
  "non-ascii": "a character outside US-ASCII, within the BMP",
  astral: "a character outside the BMP (four bytes in UTF-8: most emoji)",
};

/** What the tag is made of, as a whole: the widest kind of character in it. */
export function charsDimension(): Dimension {
  return {
    id: "chars",
    title: "characters of the tag",
    levels: compositionIds.map((id) => ({
      id,
      title: titles[id],
      source: "the tag schema's pattern (huawei-ims seed: digits, letters, _ and -); RFC 3986 §2",
    })),
    classify: (obs) => {
      const c = compositionOf(obs.tag);
      return c === undefined ? [] : [c];
    },
  };
}
