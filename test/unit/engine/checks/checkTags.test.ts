import { checkTagRemoved, checkTagsUnchanged } from "../../../../src/engine/checks/checkTags";

const failedRules = (checks: readonly { ok: boolean; rule: string }[]): string[] =>
  checks.filter((c) => !c.ok).map((c) => c.rule);

describe("tag state checks", () => {
  it("removed: the tag is gone (the rule) and every other tag unchanged (a rule of every tier)", () => {
    expect(failedRules(checkTagRemoved(["a", "b", "c"], ["c", "a"], "b"))).toEqual([]);
    expect(failedRules(checkTagRemoved(["a", "b", "c"], ["a", "b", "c"], "b"))).toEqual(["tag removed"]);
    expect(failedRules(checkTagRemoved(["a", "b", "c"], ["a"], "b"))).toEqual(["other tags unchanged"]);
    expect(failedRules(checkTagRemoved(["a", "B"], ["a"], "b"))).toEqual(["other tags unchanged"]);
    // Only the change to another tag binds every tier (core): a flag may excuse the rest, never that.
    const [removed, others] = checkTagRemoved(["a", "b"], ["b"], "b");
    expect([removed?.core, others?.core]).toEqual([undefined, true]);
  });
  it("unchanged: same set, and a rule of every tier", () => {
    expect(checkTagsUnchanged(["a", "b"], ["b", "a"]).ok).toBe(true);
    expect(checkTagsUnchanged(["a", "b"], ["a"])).toMatchObject({ ok: false, core: true });
  });
});
