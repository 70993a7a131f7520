import { judgeScenario } from "../coverage/judgeScenario";

/**
 * Property 6: any request with a body answers 400 (the seed page: "Request parameters: None"), on the caller's
 * own image; on another's image or none the image's property takes it (400 or its 404/403, unordered).
 */
export const requestBodyProperty = judgeScenario({
  id: "400-prop-request-body",
  judge: "request-body",
  title: "any DELETE with a body answers 400, whatever the tag and own image",
  expected:
    "for every tag, present or not, inside the schema or outside it, on an own image of every visibility and tag count, sent with a JSON body: 400; the image's tags and fields unchanged",
  profiles: "every profile that documents 400",
});
