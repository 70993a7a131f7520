import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";

export const sharedImageNotModifiable: Scenario = {
  id: "403-shared-image-not-modifiable",
  title: "an image shared with the caller's project, which accepted it: visible but not modifiable",
  status: 403,
  kind: "example",
  tier: "core",
  expected: "403 with the documented error body; tags unchanged",
  needs: ["alt-identity"],
  profiles: "every profile",
  appliesTo: documents(403),
  run: async ({ fixtures, probe, tags }) => {
    const image = await fixtures.createImage("403-shared", {
      visibility: "shared",
      tags: [tags.target, ...tags.others],
    });
    await fixtures.shareWithAlt(image);
    const shown = await fixtures.showStatus(image, "alt");
    probe.precondition("alt can see the shared image", shown === 200, `GET as alt → ${shown}`);
    await probe.deleteTag({ as: "alt", imageId: image, tag: tags.target, expect: 403, tags: "check" });
    return undefined;
  },
};
