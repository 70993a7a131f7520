import { judgeScenario } from "../coverage/judgeScenario";

/** Property 4: any image the caller sees but does not own answers 403. */
export const notOwnImageProperty = judgeScenario({
  id: "403-prop-not-own-image",
  judge: "not-own-image",
  title:
    "any image the caller sees but does not own answers 403: shared with it (pending or accepted), community",
  expected:
    "for every valid tag, on another project's image shared with the caller's project (pending or accepted) or community: 403; the image's tags and fields unchanged",
  needs: ["alt-identity"],
  profiles: "every profile",
});
