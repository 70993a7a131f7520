import { judgeScenario } from "../coverage/judgeScenario";

/** Property 6: any request with a body answers 400 (the seed page: "Request parameters: None"). */
export const requestBodyProperty = judgeScenario({
  id: "400-prop-request-body",
  judge: "request-body",
  title: "any DELETE with a body answers 400, whatever the tag and own image",
  expected:
    "for every valid tag, present or not, on an own image of every visibility and tag count, sent with a JSON body: 400; the image's tags and fields unchanged",
  profiles: "every profile that documents 400",
});
