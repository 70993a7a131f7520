import { judgeScenario } from "../coverage/judgeScenario";

/** Property 1: any valid tag present on an own image is deleted, whatever else the image carries. */
export const deletePresentProperty = judgeScenario({
  id: "204-prop-delete-present",
  judge: "delete-present",
  title: "any valid tag present on an own image is deleted, and nothing else changes",
  expected:
    "for every valid tag (every length level, composition and edge character), on an own image of every visibility and tag count, beside near misses of it (case, accent, prefix, suffix, extensions): 204, no body; the tag gone, every other tag and field unchanged",
  tempestId: "10407036-6059-4f95-a2cd-cbbbee7ed329",
  profiles: "every profile",
});
