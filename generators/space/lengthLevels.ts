import type { TagRules } from "../tagRules";

/** One level of the tag-length dimension: a range of lengths in code points, its examples boundaries first. */
export interface LengthLevel {
  readonly id: string;
  readonly min: number;
  readonly max: number;
  /** Why it is a level: a boundary of the schema, or a bucket across the range. */
  readonly source: string;
}

/** The k-th length of a level: its lower end, its upper end, then lengths spread over the range. */
export function lengthOf(level: LengthLevel, k: number): number {
  const span = level.max - level.min + 1;
  if (k <= 0 || span === 1) return level.min;
  if (k === 1) return level.max;
  return level.min + ((k * 7919) % span);
}

const range = (min: number, max: number, source: string): LengthLevel => ({
  id: min === max ? String(min) : `${min}-${max}`,
  min,
  max,
  source,
});

/**
 * The lengths of the tag parameter as levels, derived from its schema: each boundary (minLength, minLength+1,
 * maxLength-1, maxLength, maxLength+1) on its own, buckets growing fourfold across the range between, and beyond a
 * documented maximum the overlong tags. Without a documented maximum the range ends at the Image API's 255.
 */
export function lengthLevels(rules: TagRules): LengthLevel[] {
  const lo = rules.minLength;
  const hi = rules.generationMax;
  const documented = rules.maxLength !== undefined ? "the schema's maxLength" : "the Image API's 255";
  const levels: LengthLevel[] = [range(lo, lo, "the schema's minLength")];
  if (lo + 1 <= hi) levels.push(range(lo + 1, lo + 1, "minLength + 1"));
  let from = lo + 2;
  for (let edge = 16; from <= hi - 2; edge *= 4) {
    const to = Math.min(edge, hi - 2);
    if (to >= from) levels.push(range(from, to, "a bucket between the boundaries"));
    from = Math.max(from, to + 1);
  }
  if (hi - 1 > lo + 1) levels.push(range(hi - 1, hi - 1, `${documented} - 1`));
  if (hi > lo + 1) levels.push(range(hi, hi, documented));
  if (rules.maxLength !== undefined) {
    levels.push(range(hi + 1, hi + 1, "maxLength + 1"));
    levels.push(range(hi + 2, Math.max(hi + 2, 4 * hi), "beyond maxLength"));
  }
  return levels;
}
