import fc from "fast-check";

/** Named classes of unusual tags; each generated case records its class. */
export const tagClassNames = [
  "whitespace",
  "whitespace-edge",
  "ascii-punctuation",
  "non-ascii-letter",
  "emoji-astral",
  "percent-encoded-reserved",
  "dot-segment",
  "overlong",
] as const;
/** Plain tags over the alphabet: short ones, and the two boundary lengths as classes of their own. */
export type PlainClass = "plain" | "boundary-min" | "boundary-max";
export type TagClass = (typeof tagClassNames)[number] | PlainClass;

export interface TagCase {
  readonly tag: string;
  readonly tagClass: TagClass;
}

const asciiPunctuation = Array.from("!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~-_");

/** A short run of plain ASCII letters and digits: the part of a tag around the unusual character. */
const plain = fc.string({
  unit: fc.constantFrom(...Array.from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")),
  minLength: 1,
  maxLength: 8,
});

const whitespace = fc.constantFrom(" ", "\t", "\u00a0", "\u2003", "  ");

function around(middle: fc.Arbitrary<string>, tagClass: TagClass): fc.Arbitrary<TagCase> {
  return fc
    .tuple(fc.option(plain, { nil: "" }), middle, fc.option(plain, { nil: "" }))
    .map(([a, m, b]) => ({ tag: `${a}${m}${b}`, tagClass }));
}

/**
 * The unusual tags of a class. allowedPunctuation: the punctuation the profile's schema accepts, which the
 * punctuation class leaves out (so that for huawei-ims every case is outside the alphabet); "=" is always in.
 */
export function tagClassArbitrary(
  tagClass: (typeof tagClassNames)[number],
  allowed: (c: string) => boolean,
  overlongFrom: number | undefined,
): fc.Arbitrary<TagCase> | undefined {
  switch (tagClass) {
    case "whitespace":
      return around(whitespace, tagClass);
    case "whitespace-edge":
      // Leading or trailing whitespace, a class of its own: trimming it is a classic defect.
      return fc
        .tuple(whitespace, plain, fc.boolean())
        .map(([w, p, lead]) => ({ tag: lead ? `${w}${p}` : `${p}${w}`, tagClass }));
    case "ascii-punctuation": {
      const outside = asciiPunctuation.filter((c) => c === "=" || !allowed(c));
      return around(fc.oneof(fc.constant("="), fc.constantFrom(...outside)), tagClass);
    }
    case "non-ascii-letter":
      return around(fc.constantFrom("é", "ß", "Ж", "ñ", "ø", "中", "ي", "Ω"), tagClass);
    case "emoji-astral":
      return around(fc.constantFrom("😀", "🚀", "𝔸", "🏳️‍🌈", "👍🏽", "𐍈"), tagClass);
    case "percent-encoded-reserved":
      return around(fc.constantFrom("%2F", "%3F", "%23", "%25", "%2f"), tagClass);
    case "dot-segment":
      return fc.constantFrom(".", "..").map((tag) => ({ tag, tagClass }));
    case "overlong":
      if (overlongFrom === undefined) return undefined;
      return fc
        .integer({ min: overlongFrom, max: 1024 })
        .chain((n) =>
          fc.string({ unit: fc.constantFrom(...Array.from("abcXYZ019")), minLength: n, maxLength: n }),
        )
        .map((tag) => ({ tag, tagClass }));
  }
}
