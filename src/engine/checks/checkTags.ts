import { check, coreCheck, type Check } from "./Check";

const sorted = (tags: readonly string[]): string[] => [...tags].sort();
const show = (tags: readonly string[]): string => JSON.stringify(sorted(tags));

/** The same tags, as the image's tag set compares them (order aside). */
export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  const x = sorted(a);
  const y = sorted(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

const others = (tags: readonly string[], tag: string): string[] => tags.filter((t) => t !== tag);

/**
 * After a 204: the tag is gone (the rule), and every other tag is unchanged (a core rule in every tier: a
 * delete never touches another tag). Tags are case-sensitive strings.
 */
export function checkTagRemoved(before: readonly string[], after: readonly string[], tag: string): Check[] {
  return [
    check(
      "tag removed",
      !after.includes(tag),
      `${JSON.stringify(tag)} ${after.includes(tag) ? "still there" : "gone"}; after ${show(after)}`,
      "Image API v2: delete image tag",
    ),
    coreCheck(
      "other tags unchanged",
      sameTags(others(before, tag), others(after, tag)),
      `before ${show(before)}, after ${show(after)}`,
      "a delete changes no other tag",
    ),
  ];
}

/** After an error response the image's tags are exactly as they were (a core rule in every tier). */
export function checkTagsUnchanged(before: readonly string[], after: readonly string[]): Check {
  return coreCheck(
    "tags unchanged",
    sameTags(before, after),
    `before ${show(before)}, after ${show(after)}`,
    "a request that fails changes nothing",
  );
}
