import { checkTagsUnchanged } from "../../src/engine/checks/checkTags";
import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";

export const otherImageUntouched: Scenario = {
  id: "204-other-image-untouched",
  title: "the tag is deleted from the image named, and from no other image that carries it",
  status: 204,
  kind: "example",
  tier: "core",
  expected: "204, no body; the tag gone from the image named; another own image with the same tag unchanged",
  needs: [],
  profiles: "every profile",
  appliesTo: documents(204),
  run: async ({ fixtures, probe, tags }) => {
    const other = await fixtures.createImage("204-other-a", { tags: [tags.target, ...tags.others] });
    const named = await fixtures.createImage("204-other-b", { tags: [tags.target, ...tags.others] });
    const before = await fixtures.tagsOf(other);
    await probe.deleteTag({ as: "owner", imageId: named, tag: tags.target, expect: 204, tags: "check" });
    probe.record({
      ...checkTagsUnchanged(before, await fixtures.tagsOf(other)),
      rule: "the other image's tags unchanged",
    });
    return undefined;
  },
};
