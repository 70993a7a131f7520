import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";

export const deleteTagTwice: Scenario = {
  id: "404-tag-deleted-twice",
  title: "delete the same tag twice",
  status: 404,
  kind: "example",
  tier: "core",
  expected:
    "first delete 204, second delete 404 with the documented error body; tags unchanged by the second",
  needs: [],
  profiles: "every profile",
  appliesTo: (p) => documents(404)(p) && documents(204)(p),
  run: async ({ fixtures, probe, tags }) => {
    const image = await fixtures.createImage("404-twice", { tags: [tags.target, ...tags.others] });
    await probe.deleteTag({ as: "owner", imageId: image, tag: tags.target, expect: 204, tags: "check" });
    await probe.deleteTag({ as: "owner", imageId: image, tag: tags.target, expect: 404, tags: "check" });
    return undefined;
  },
};
