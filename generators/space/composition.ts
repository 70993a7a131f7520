import { classOfChar, type CharClass } from "./charClasses";

/**
 * What a whole tag is made of, as one level: the widest kind of character it holds. "percent" is a tag that
 * looks percent-encoded (it holds %XX): decoded twice, it would name another tag.
 */
export const compositionIds = [
  "digits",
  "letters",
  "alnum",
  "word",
  "punct",
  "percent",
  "space",
  "non-ascii",
  "astral",
] as const;
export type Composition = (typeof compositionIds)[number];

/** The classes of character a tag of each composition may hold (and the ones it must hold one of). */
export const compositionRule: Readonly<
  Record<Composition, { readonly may: readonly CharClass[]; readonly must: readonly CharClass[][] }>
> = {
  digits: { may: ["digit"], must: [["digit"]] },
  letters: { may: ["letter"], must: [["letter"]] },
  alnum: { may: ["digit", "letter"], must: [["digit"], ["letter"]] },
  word: { may: ["digit", "letter", "hyphen", "underscore"], must: [["hyphen", "underscore"]] },
  punct: { may: ["digit", "letter", "hyphen", "underscore", "punct"], must: [["punct"]] },
  percent: { may: ["digit", "letter", "hyphen", "underscore", "punct"], must: [["punct"]] },
  space: { may: ["digit", "letter", "hyphen", "underscore", "punct", "space"], must: [["space"]] },
  "non-ascii": {
    may: ["digit", "letter", "hyphen", "underscore", "punct", "space", "non-ascii"],
    must: [["non-ascii"]],
  },
  astral: {
    may: ["digit", "letter", "hyphen", "underscore", "punct", "space", "non-ascii", "astral"],
    must: [["astral"]],
  },
};

const looksEncoded = /%[0-9A-Fa-f]{2}/;

/** The composition of a tag (undefined for the empty string, which is no tag). */
export function compositionOf(tag: string): Composition | undefined {
  const classes = new Set(Array.from(tag, classOfChar));
  if (classes.size === 0) return undefined;
  if (classes.has("astral")) return "astral";
  if (classes.has("non-ascii")) return "non-ascii";
  if (classes.has("space")) return "space";
  if (looksEncoded.test(tag)) return "percent";
  if (classes.has("punct")) return "punct";
  if (classes.has("hyphen") || classes.has("underscore")) return "word";
  if (classes.has("digit") && classes.has("letter")) return "alnum";
  return classes.has("digit") ? "digits" : "letters";
}
