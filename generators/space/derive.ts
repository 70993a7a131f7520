/**
 * How one tag is made from another, to put a near miss of it on the same image: what a defect that compares
 * tags too loosely (by prefix, case, collation, normal form) would take for the same tag.
 */
export const derivationIds = [
  "case",
  "prefix",
  "suffix",
  "extension",
  "pre-extension",
  "accent",
  "combining",
  "normalization",
  "base",
] as const;
export type Derivation = (typeof derivationIds)[number];

const accented: Readonly<Record<string, string>> = {
  a: "á",
  e: "é",
  i: "í",
  o: "ö",
  u: "ü",
  c: "ç",
  n: "ñ",
  y: "ý",
  A: "Á",
  E: "É",
  I: "Í",
  O: "Ö",
  U: "Ü",
  C: "Ç",
  N: "Ñ",
  Y: "Ý",
};
const combiningAcute = "\u0301";

/** The tag without its diacritics (NFD, combining marks removed): what an accent-insensitive collation sees. */
export function baseOf(tag: string): string {
  return tag.normalize("NFD").replace(/\p{M}/gu, "");
}

export function swapCase(s: string): string {
  return Array.from(s)
    .map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()))
    .join("");
}

/** A character the tag is extended with: one of its own kind, so that it stays within the same alphabet. */
function extender(tag: string): string {
  if (/^\d+$/.test(tag)) return "7";
  return /[a-z]/.test(tag) || !/[A-Z]/.test(tag) ? "x" : "X";
}

/** The derived tag, or undefined when the tag has none of that kind (no cased letter, one character). */
export function derive(tag: string, how: Derivation): string | undefined {
  const cps = Array.from(tag);
  let out: string | undefined;
  switch (how) {
    case "case":
      out = swapCase(tag);
      break;
    case "prefix":
      out = cps.length > 1 ? cps.slice(0, -1).join("") : undefined;
      break;
    case "suffix":
      out = cps.length > 1 ? cps.slice(1).join("") : undefined;
      break;
    case "extension":
      out = `${tag}${extender(tag)}`;
      break;
    case "pre-extension":
      out = `${extender(tag)}${tag}`;
      break;
    case "accent": {
      const i = cps.findIndex((c) => accented[c] !== undefined);
      out = i < 0 ? undefined : [...cps.slice(0, i), accented[cps[i] ?? ""], ...cps.slice(i + 1)].join("");
      break;
    }
    case "combining": {
      const i = cps.findIndex((c) => accented[c] !== undefined);
      out = i < 0 ? undefined : [...cps.slice(0, i + 1), combiningAcute, ...cps.slice(i + 1)].join("");
      break;
    }
    case "normalization": {
      const nfd = tag.normalize("NFD");
      const nfc = tag.normalize("NFC");
      out = nfd !== tag ? nfd : nfc !== tag ? nfc : undefined;
      break;
    }
    case "base":
      out = baseOf(tag);
      break;
  }
  return out === undefined || out === tag || out.length === 0 ? undefined : out;
}
