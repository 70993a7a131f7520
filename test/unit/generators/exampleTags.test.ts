import { exampleTags } from "../../../generators/exampleTags";
import { profile } from "../../support/profiles";

describe("exampleTags", () => {
  it.each(["huawei-ims", "openstack-glance"] as const)(
    "valid tags satisfy the %s tag schema",
    async (name) => {
      const p = await profile(name);
      const tags = exampleTags(p);
      if ("problem" in tags) throw new Error(tags.problem);
      for (const t of [tags.target, tags.absent, ...tags.others]) expect(p.checkTag(t)).toEqual([]);
    },
  );

  it("huawei-ims has a tag outside its alphabet, which its schema rejects", async () => {
    const p = await profile("huawei-ims");
    const tags = exampleTags(p);
    if ("problem" in tags) throw new Error(tags.problem);
    expect(tags.outsideSchema).toBeDefined();
    expect(p.checkTag(tags.outsideSchema ?? "")).not.toEqual([]);
  });

  it("openstack-glance accepts every candidate, so it has none", async () => {
    const tags = exampleTags(await profile("openstack-glance"));
    expect("problem" in tags ? "problem" : tags.outsideSchema).toBeUndefined();
  });
});
