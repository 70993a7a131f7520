import { compositionRule, type Composition } from "./composition";
import type { CharClass } from "./charClasses";
import type { DimensionId } from "./Dimension";
import type { InputSpace } from "./inputSpace";

/** A level of one dimension. */
export interface LevelRef {
  readonly dimension: DimensionId;
  readonly level: string;
}

const tagDims: readonly DimensionId[] = ["length", "chars", "first", "last"];
const minChars: Partial<Record<Composition, number>> = { alnum: 2, percent: 3 };
const visibleOther = ["other-shared-pending", "other-shared-accepted", "other-community", "other-public"];
const invisible = ["missing", "malformed", "other-private", "other-shared"];
const bodyRules = ["400-body"];
const tagRules = ["400-tag"];

/** The pairs of tag levels some tag of the space's sample has, split by whether a core one has them. */
const tagPairCache = new WeakMap<InputSpace, { readonly core: Set<string>; readonly flagged: Set<string> }>();

function tagPairs(space: InputSpace): { readonly core: Set<string>; readonly flagged: Set<string> } {
  let known = tagPairCache.get(space);
  if (known !== undefined) return known;
  known = { core: new Set(), flagged: new Set() };
  for (const s of space.sample) {
    const levels = space.levelsOf({ tag: s.tag, image: "missing", credential: "valid", body: false });
    const refs = tagDims.flatMap((d) => (levels[d] ?? []).map((l) => `${d}=${l}`));
    const into = s.side === "flagged" ? known.flagged : known.core;
    for (const a of refs) for (const b of refs) if (a < b) into.add(`${a}|${b}`);
  }
  tagPairCache.set(space, known);
  return known;
}

/** Where a level's tags can fall: only outside the schema, only inside, or either. */
function sidesOf(space: InputSpace, r: LevelRef): readonly string[] {
  const d = space.dimensions.find((x) => x.id === r.dimension);
  return d?.levels.find((l) => l.id === r.level)?.sides ?? [];
}

/** Why no request whose answer this rule decides can have the level, if none can. */
function answerProblem(space: InputSpace, rule: string, r: LevelRef): string | undefined {
  const v = r.level;
  const sides = tagDims.includes(r.dimension) ? sidesOf(space, r) : undefined;
  switch (r.dimension) {
    case "credential":
      return (rule === "401") === (v !== "valid")
        ? undefined
        : "401 is the answer to every token but a valid one";
    case "request":
      if (v === "body")
        return bodyRules.includes(rule) || rule === "401" || rule === "400-elsewhere"
          ? undefined
          : "a body is a request error (400)";
      return bodyRules.includes(rule) ? "no body, no body error" : undefined;
    case "image":
      if (rule === "401") return undefined;
      if (rule === "403")
        return visibleOther.includes(v) ? undefined : "403 is for an image the caller sees but does not own";
      if (rule === "404-image")
        return invisible.includes(v) ? undefined : "the caller sees that image: it is not the image's 404";
      // A request error on another's image (or none): 400 or that image's 404/403, unordered by the documents.
      if (rule === "400-elsewhere")
        return v.startsWith("own-") ? "on the caller's own image a request error is 400 alone" : undefined;
      return v.startsWith("own-")
        ? undefined
        : "the caller's own image only (elsewhere the rule is unordered)";
    case "presence":
      if (rule === "204" && v === "absent") return "a tag the image lacks is 404";
      if ((rule === "404-tag" || tagRules.includes(rule)) && v === "present")
        return rule === "404-tag"
          ? "a tag the image carries is deleted (204)"
          : "a tag outside the schema is on no image";
      return undefined;
    case "neighbour":
      return tagRules.includes(rule) ? "a tag outside the schema has no near miss on an image" : undefined;
    default:
      if (sides === undefined) return undefined;
      if (tagRules.includes(rule))
        return sides.includes("invalid") ? undefined : "no tag outside the schema has this level";
      // A body is a request error whatever the tag (400 either way), a tag outside the schema included.
      if (bodyRules.includes(rule) || rule === "400-elsewhere")
        return sides.includes("valid") || sides.includes("invalid")
          ? undefined
          : "only tags a flag covers have this level: a flagged scenario sends them";
      return sides.includes("valid") || rule === "401"
        ? undefined
        : "a tag outside the schema is answered 400 (401 without a token)";
  }
}

function problem(space: InputSpace, a: LevelRef, b: LevelRef): string | undefined {
  const noImage = a.dimension === "image" && (a.level === "missing" || a.level === "malformed");
  if (noImage && ["presence", "neighbour", "count"].includes(b.dimension))
    return "no image: nothing carries tags";
  if (a.dimension === "answer") return answerProblem(space, a.level, b);
  if (a.dimension === "length" && b.dimension === "chars") {
    const n = minChars[b.level as Composition] ?? 1;
    const max = space.lengths.find((l) => l.id === a.level)?.max ?? 0;
    if (max < n) return `a ${b.level} tag has ${n} characters at least`;
  }
  if (a.dimension === "chars" && (b.dimension === "first" || b.dimension === "last")) {
    if (!compositionRule[a.level as Composition].may.includes(b.level as CharClass))
      return `a ${a.level} tag holds no ${b.level} character`;
  }
  if (tagDims.includes(a.dimension) && tagDims.includes(b.dimension) && a.dimension !== b.dimension) {
    const ka = `${a.dimension}=${a.level}`;
    const kb = `${b.dimension}=${b.level}`;
    const key = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
    const seen = tagPairs(space);
    if (!seen.core.has(key))
      return seen.flagged.has(key)
        ? "every such tag falls under a flagged rule: the flagged scenarios prove them"
        : "no tag one path segment can carry has both";
  }
  const tagLevel = tagDims.includes(a.dimension);
  const invalidOnly = tagLevel && !sidesOf(space, a).includes("valid");
  if (invalidOnly && b.dimension === "presence" && b.level === "present")
    return "a tag outside the schema is on no image";
  if (invalidOnly && b.dimension === "neighbour")
    return "a tag outside the schema is on no image, so near misses of it are not either";
  if (b.dimension === "neighbour") {
    const range = space.lengths.find((l) => l.id === a.level);
    if (a.dimension === "length" && range !== undefined) {
      if ((b.level === "prefix" || b.level === "suffix") && range.max <= 1)
        return "a one-character tag has no proper prefix or suffix";
      if (["extension", "pre-extension", "combining"].includes(b.level) && range.min >= space.longest)
        return "the related tag is longer than any an image carries (the schema's maximum, or the Image API's 255)";
    }
    if (a.dimension === "chars" && a.level === "digits" && ["case", "accent", "combining"].includes(b.level))
      return "a tag of digits has no letter to change";
    if (b.level === "normalization") {
      if (a.dimension === "chars" && !compositionRule[a.level as Composition].may.includes("non-ascii"))
        return "a tag with no non-ASCII character has no other normal form";
      if (range !== undefined && range.min >= space.longest)
        return "the suite names a tag's composed form (NFC) and puts the decomposed one (NFD, longer) on the image: at the longest length an image carries, that one is too long";
    }
  }
  return undefined;
}

/**
 * Why no request can have both levels, if none can: stated as rules, each with its reason, so that the pairs
 * left out of coverage (and out of the generated fault space) are said and checked, never just unreached.
 */
export function infeasible(space: InputSpace, a: LevelRef, b: LevelRef): string | undefined {
  return problem(space, a, b) ?? problem(space, b, a);
}
