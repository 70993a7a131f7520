import { randomUUID } from "node:crypto";
import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";

export const missingImage: Scenario = {
  id: "404-missing-image",
  title: "delete a tag of an image id that does not exist (random UUID v4)",
  status: 404,
  kind: "example",
  tier: "core",
  expected: "404 with the documented error body",
  needs: [],
  profiles: "every profile",
  appliesTo: documents(404),
  run: async ({ profile, probe, tags }) => {
    // A fresh v4 UUID names no image: the chance that it does is 2^-122. Nothing exists there to change.
    const imageId = randomUUID();
    const problems = profile.checkImageId(imageId);
    probe.precondition(
      "image id matches the documented schema",
      problems.length === 0,
      problems.join("; ") || imageId,
    );
    await probe.deleteTag({ as: "owner", imageId, tag: tags.target, expect: 404, tags: "skip" });
    return undefined;
  },
};
