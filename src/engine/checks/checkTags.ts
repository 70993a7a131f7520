import { check, type Check } from "./Check";

function same(a: readonly string[], b: readonly string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

const show = (tags: readonly string[]): string => JSON.stringify([...tags].sort());

/** After a 204 the tag is gone and every other tag is unchanged (tags are case-sensitive strings). */
export function checkTagRemoved(before: readonly string[], after: readonly string[], tag: string): Check {
  const expected = before.filter((t) => t !== tag);
  return check(
    "tag removed, others unchanged",
    same(expected, after),
    `before ${show(before)}, after ${show(after)}, expected ${show(expected)}`,
    "Image API v2: delete image tag",
  );
}

/** After an error response the image's tags are exactly as they were. */
export function checkTagsUnchanged(before: readonly string[], after: readonly string[]): Check {
  return check(
    "tags unchanged",
    same(before, after),
    `before ${show(before)}, after ${show(after)}`,
    "a request that fails changes nothing",
  );
}
