import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";

export const otherProjectPrivateImage: Scenario = {
  id: "404-other-project-private-image",
  title: "another project's private image, which the caller cannot see",
  status: 404,
  kind: "example",
  tier: "core",
  expected: "404 with the documented error body (the image is invisible to the caller); tags unchanged",
  needs: ["alt-identity"],
  profiles: "every profile",
  appliesTo: documents(404),
  run: async ({ fixtures, probe, tags }) => {
    const image = await fixtures.createImage("404-private", {
      visibility: "private",
      tags: [tags.target, ...tags.others],
    });
    const shown = await fixtures.showStatus(image, "alt");
    probe.precondition("alt cannot see the owner's private image", shown === 404, `GET as alt → ${shown}`);
    await probe.deleteTag({ as: "alt", imageId: image, tag: tags.target, expect: 404, tags: "check" });
    return undefined;
  },
};
