import { judgeScenario } from "../coverage/judgeScenario";

/** Property 2: any valid tag the image lacks answers 404, near misses of a present tag and a second delete too. */
export const absentTagProperty = judgeScenario({
  id: "404-prop-absent-tag",
  judge: "absent-tag",
  title: "any valid tag an own image lacks answers 404, its near misses and a second delete too",
  expected:
    "for every valid tag not on the image (never added, deleted already, or a near miss of one that is: case variant, accent, prefix, suffix, extension): 404; the image's tags and fields unchanged",
  tempestId: "39c023a2-325a-433a-9eea-649bf1414b19",
  profiles: "every profile",
});
