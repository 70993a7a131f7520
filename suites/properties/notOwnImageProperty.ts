import { judgeScenario } from "../coverage/judgeScenario";

/**
 * Property 4: any image the caller sees but does not own answers 403; a request error on it (a body, a tag
 * outside the schema) 400 or 403, which the documents do not order.
 */
export const notOwnImageProperty = judgeScenario({
  id: "403-prop-not-own-image",
  judge: "not-own-image",
  title:
    "any image the caller sees but does not own answers 403: shared with it (pending or accepted), community",
  expected:
    "for every valid tag, on another project's image shared with the caller's project (pending or accepted) or community: 403; with a body or a tag outside the schema: 400 or 403; the image's tags and fields unchanged",
  needs: ["alt-identity"],
  profiles: "every profile",
});
