import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";

export const deleteAbsentTag: Scenario = {
  id: "404-absent-tag",
  title: "delete a tag that is not on the image",
  status: 404,
  kind: "example",
  tier: "core",
  expected: "404 with the documented error body; tags unchanged",
  tempestId: "39c023a2-325a-433a-9eea-649bf1414b19",
  needs: [],
  profiles: "every profile",
  appliesTo: documents(404),
  run: async ({ fixtures, probe, tags }) => {
    const image = await fixtures.createImage("404-absent", { tags: tags.others });
    await probe.deleteTag({ as: "owner", imageId: image, tag: tags.absent, expect: 404, tags: "check" });
    return undefined;
  },
};
