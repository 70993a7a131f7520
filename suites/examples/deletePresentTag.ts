import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";

export const deletePresentTag: Scenario = {
  id: "204-delete-present-tag",
  title: "delete a tag present on an own image",
  status: 204,
  kind: "example",
  tier: "core",
  expected: "204, no body; the tag is gone and every other tag is unchanged",
  tempestId: "10407036-6059-4f95-a2cd-cbbbee7ed329",
  needs: [],
  profiles: "every profile",
  appliesTo: documents(204),
  run: async ({ fixtures, probe, tags }) => {
    const image = await fixtures.createImage("204-present", { tags: [tags.target, ...tags.others] });
    await probe.deleteTag({ as: "owner", imageId: image, tag: tags.target, expect: 204, tags: "check" });
    return undefined;
  },
};
