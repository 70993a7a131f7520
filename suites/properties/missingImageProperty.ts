import { judgeScenario } from "../coverage/judgeScenario";

/**
 * Property 3: any image the caller cannot see answers 404 (400 also accepted for a malformed id where documented);
 * a request error on it (a body, a tag outside the schema) 400 or 404, which the documents do not order.
 */
export const missingImageProperty = judgeScenario({
  id: "404-prop-missing-image",
  judge: "invisible-image",
  title:
    "any image the caller cannot see answers 404: missing, malformed, another project's private or shared",
  expected:
    "for every valid tag on a missing image (random UUID), a malformed id (404, or 400 where documented), another project's private image or one shared with others only: 404; with a body or a tag outside the schema: 400 or 404; that image unchanged",
  profiles: "every profile (another project's images with --alt-token)",
});
