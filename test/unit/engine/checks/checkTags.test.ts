import { checkTagRemoved, checkTagsUnchanged } from "../../../../src/engine/checks/checkTags";

describe("tag state checks", () => {
  it("removed: only the tag is gone, order does not matter", () => {
    expect(checkTagRemoved(["a", "b", "c"], ["c", "a"], "b").ok).toBe(true);
    expect(checkTagRemoved(["a", "b", "c"], ["a", "b", "c"], "b").ok).toBe(false);
    expect(checkTagRemoved(["a", "b", "c"], ["a"], "b").ok).toBe(false);
    expect(checkTagRemoved(["a", "B"], ["a"], "b").ok).toBe(false);
  });
  it("unchanged: same set", () => {
    expect(checkTagsUnchanged(["a", "b"], ["b", "a"]).ok).toBe(true);
    expect(checkTagsUnchanged(["a", "b"], ["a"]).ok).toBe(false);
  });
});
