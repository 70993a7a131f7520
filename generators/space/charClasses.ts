/**
 * Classes of characters, for a tag's composition and for its first and last character. Ordered from the
 * narrowest to the widest: a tag's composition is the widest class any of its characters falls in, so the
 * classes partition every string (the input-space model needs a partition: every tag has exactly one level).
 */
export const charClassIds = [
  "digit",
  "letter",
  "hyphen",
  "underscore",
  "punct",
  "space",
  "non-ascii",
  "astral",
] as const;
export type CharClass = (typeof charClassIds)[number];

const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const digits = "0123456789";
// Printable ASCII punctuation but "-", "_" (classes of their own) and "/" (a path separator: never sent).
// Ordered so that the first few, which short tags get, are those most often mishandled (quoting, escaping).
const punct = "'\"\\%;.,!#$&()*+:<=>?@[]^`{|}~";
const spaces = " \t";
// Non-ASCII letters of the Basic Multilingual Plane, accented Latin first (collations fold them), then
// other scripts and two non-ASCII spaces.
const nonAscii = "éßñøЖ中يΩÅç\u00a0\u2003";
const astral = ["😀", "🚀", "𝔸", "𐍈", "👍"];

/** The characters a generated tag draws from, per class (astral ones are single code points). */
export const alphabetOf: Readonly<Record<CharClass, readonly string[]>> = {
  digit: Array.from(digits),
  letter: Array.from(letters),
  hyphen: ["-"],
  underscore: ["_"],
  punct: Array.from(punct),
  space: Array.from(spaces),
  "non-ascii": Array.from(nonAscii),
  astral,
};

/** The class of one character (one code point). */
export function classOfChar(c: string): CharClass {
  const code = c.codePointAt(0) ?? 0;
  if (code > 0xffff) return "astral";
  if (code > 0x7f) return "non-ascii";
  if (c >= "0" && c <= "9") return "digit";
  if ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z")) return "letter";
  if (c === "-") return "hyphen";
  if (c === "_") return "underscore";
  if (/\s/.test(c) || code < 0x20 || code === 0x7f) return "space";
  return "punct";
}
