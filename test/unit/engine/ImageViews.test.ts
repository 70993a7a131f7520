import { ImageViews } from "../../../src/engine/ImageViews";

const created = {
  id: "i",
  name: "n",
  status: "queued",
  tags: ["a"],
  updated_at: "t0",
  file: "/v2/images/i/file",
};
const read = { ...created, os_hidden: false };

describe("ImageViews: every read of an image compared with the view before it", () => {
  it("read after read: every field but the tags and updated_at", () => {
    const v = new ImageViews();
    expect(v.see("i", "owner", read, false)).toBeUndefined();
    expect(v.see("i", "owner", { ...read, tags: [], updated_at: "t1" }, false)?.ok).toBe(true);
    const renamed = v.see("i", "owner", { ...read, tags: [], name: "other" }, false);
    expect([renamed?.ok, renamed?.detail]).toEqual([false, 'name: "n" → "other"']);
  });

  it("a read after a create's answer: not compared until the sentinel showed how the two differ, then without those fields", () => {
    const v = new ImageViews();
    v.see("i", "owner", created, true);
    // No calibration yet: a create's answer that lacks a field a read shows is no change by a request.
    expect(v.see("i", "owner", read, false)).toBeUndefined();
    v.calibrate(created, read);
    expect([...(v.uncomparedAfterCreate ?? [])]).toEqual(["os_hidden"]);
    v.see("j", "owner", { ...created, id: "j" }, true);
    expect(v.see("j", "owner", { ...read, id: "j", tags: [] }, false)?.ok).toBe(true);
    v.see("k", "owner", { ...created, id: "k" }, true);
    const changed = v.see("k", "owner", { ...read, id: "k", name: "x" }, false);
    expect([changed?.ok, changed?.detail]).toEqual([false, 'name: "n" → "x"']);
  });

  it("views are per identity, and forgotten when the image is deleted", () => {
    const v = new ImageViews();
    v.see("i", "owner", read, false);
    // alt's first read is not compared with the owner's.
    expect(v.see("i", "alt", { ...read, name: "as alt sees it" }, false)).toBeUndefined();
    v.forget("i");
    expect(v.see("i", "owner", { ...read, name: "a new image" }, false)).toBeUndefined();
  });
});
