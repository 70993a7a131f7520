import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";

export const requestBody: Scenario = {
  id: "400-request-body",
  title: "a DELETE with a request body",
  status: 400,
  kind: "example",
  tier: "core",
  // The seed page: "Request parameters: None"; Glance 25.1.0 answers 400 to a DELETE with a body.
  expected: "400 with the documented error body; tags unchanged",
  needs: [],
  profiles: "every profile",
  appliesTo: documents(400),
  run: async ({ fixtures, probe, tags }) => {
    const image = await fixtures.createImage("400-body", { tags: [tags.target, ...tags.others] });
    await probe.deleteTag({
      as: "owner",
      imageId: image,
      tag: tags.target,
      json: { tag: tags.target },
      expect: 400,
      tags: "check",
    });
    return undefined;
  },
};
