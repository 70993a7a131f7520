import { baseOf } from "./derive";

/**
 * How the tag a request names relates to another tag on the image: each is a way a defect that compares tags
 * too loosely would take the other tag for this one (case, collation, normal form, prefix or substring matching).
 */
export const relationIds = [
  "case",
  "accent",
  "combining",
  "normalization",
  "prefix",
  "suffix",
  "extension",
  "pre-extension",
] as const;
export type Relation = (typeof relationIds)[number];

// eslint-disable-next-line no-control-regex -- the whole ASCII range, NUL included, is what "ASCII" means here
const ascii = /^[\x00-\x7f]*$/;
const isNfc = (s: string): boolean => s.normalize("NFC") === s;

/** How u relates to t, u being another tag than t on the same image (several relations may hold at once). */
export function relationsOf(t: string, u: string): Relation[] {
  if (u === t) return [];
  const out: Relation[] = [];
  if (u.toLowerCase() === t.toLowerCase() || u.toUpperCase() === t.toUpperCase()) out.push("case");
  // Two different ASCII strings are never the same text in two normal forms, nor differ by diacritics only.
  if (!(ascii.test(t) && ascii.test(u))) {
    const nfcT = t.normalize("NFC");
    const nfcU = u.normalize("NFC");
    if (nfcU === nfcT) out.push("normalization");
    else if (baseOf(u) === baseOf(t)) out.push(isNfc(u) ? "accent" : "combining");
  }
  if (t.startsWith(u)) out.push("prefix");
  if (t.endsWith(u)) out.push("suffix");
  if (u.startsWith(t)) out.push("extension");
  if (u.endsWith(t)) out.push("pre-extension");
  return out;
}

/** Every relation t has to the other tags of an image (tags other than t itself). */
export function neighboursOf(t: string, tags: readonly string[]): Relation[] {
  const found = new Set<Relation>();
  for (const u of tags) for (const r of relationsOf(t, u)) found.add(r);
  return [...found];
}
