import { exampleTags } from "../../generators/exampleTags";
import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";

export const tagOutsideSchema: Scenario = {
  id: "400-tag-outside-schema",
  title: "a tag outside the documented alphabet",
  status: 400,
  kind: "example",
  tier: "core",
  // huawei-ims seed: "The tag can contain only digits, letters, underscores (_), and hyphens (-)."
  expected: "400 with the documented error body; tags unchanged",
  needs: [],
  profiles: "profiles whose tag schema rejects some one-segment tag (huawei-ims)",
  appliesTo: (p) => {
    const tags = exampleTags(p);
    return documents(400)(p) && "target" in tags && tags.outsideSchema !== undefined;
  },
  run: async ({ fixtures, probe, tags, profile }) => {
    const outside = tags.outsideSchema;
    if (outside === undefined) return { notExercised: "the profile's tag schema rejects no candidate tag" };
    const image = await fixtures.createImage("400-outside", { tags: [tags.target, ...tags.others] });
    // The profile's statuses for such a tag: 400, or where its documents do not order them, 400 or 404.
    await probe.deleteTag({
      as: "owner",
      imageId: image,
      tag: outside,
      expect: profile.outsideSchemaStatuses,
      tags: "check",
    });
    return undefined;
  },
};
