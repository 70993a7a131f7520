import { checkFieldsUnchanged } from "../../../../src/engine/checks/checkImageFields";

// Issue 19 item 3: after any tag request, every field of the image but its tags and updated_at is unchanged.
const before = { id: "i", name: "n", min_disk: 0, visibility: "private", tags: ["a"], updated_at: "t1" };

describe("checkFieldsUnchanged", () => {
  it("the tags and updated_at may change; nothing else", () => {
    const c = checkFieldsUnchanged(before, { ...before, tags: [], updated_at: "t2" });
    expect([c.ok, c.core, c.detail]).toEqual([true, true, "4 fields as before"]);
  });

  it("a renamed image, a min_disk set, a visibility changed, a field gone or new: each named, before and after", () => {
    const after = { id: "i", name: "n2", min_disk: 7, visibility: "public", tags: ["a"], extra: 1 };
    const c = checkFieldsUnchanged(before, after);
    expect(c.ok).toBe(false);
    expect(c.detail.split("; ")).toEqual([
      'name: "n" → "n2"',
      "min_disk: 0 → 7",
      'visibility: "private" → "public"',
      "extra: absent → 1",
    ]);
  });

  it("fields left out (a create's answer that a read shows otherwise) are not compared", () => {
    const c = checkFieldsUnchanged(before, { ...before, name: "n2" }, new Set(["name"]));
    expect([c.ok, c.detail]).toEqual([true, "3 fields as before"]);
  });

  it("a long value is cut, so a hostile field cannot swell the report", () => {
    const c = checkFieldsUnchanged(before, { ...before, name: "x".repeat(10_000) });
    expect(c.ok).toBe(false);
    expect(c.detail.length).toBeLessThan(200);
  });
});
