import { randomBytes } from "node:crypto";
import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";

export const malformedToken: Scenario = {
  id: "401-malformed-token",
  title: "a malformed token",
  status: 401,
  kind: "example",
  tier: "core",
  expected: "401 with WWW-Authenticate and the documented error body; tags unchanged",
  needs: [],
  profiles: "every profile",
  appliesTo: documents(401),
  run: async ({ fixtures, probe, tags }) => {
    const image = await fixtures.createImage("401-malformed", { tags: [tags.target, ...tags.others] });
    // Not a token any identity service issued: random (nothing tells it from a real one but the service).
    const token = randomBytes(32).toString("base64url");
    await probe.deleteTag({
      as: { label: "malformed token", token },
      imageId: image,
      tag: tags.target,
      expect: 401,
      tags: "check",
    });
    return undefined;
  },
};
