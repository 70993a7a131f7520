import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";

export const noToken: Scenario = {
  id: "401-no-token",
  title: "no token",
  status: 401,
  kind: "example",
  tier: "core",
  expected: "401 with WWW-Authenticate and the documented error body; tags unchanged",
  needs: [],
  profiles: "every profile",
  appliesTo: documents(401),
  run: async ({ fixtures, probe, tags }) => {
    const image = await fixtures.createImage("401-none", { tags: [tags.target, ...tags.others] });
    await probe.deleteTag({
      as: "anonymous",
      imageId: image,
      tag: tags.target,
      expect: 401,
      tags: "check",
    });
    return undefined;
  },
};
