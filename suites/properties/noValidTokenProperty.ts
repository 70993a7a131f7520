import { judgeScenario } from "../coverage/judgeScenario";

/**
 * Property 7: any request without a valid token answers 401, whatever else it names (RFC 9110 §15.5.2): on the
 * caller's own images and on ids of no image (401-prop-no-valid-token-other takes another project's images).
 */
export const noValidTokenProperty = judgeScenario({
  id: "401-prop-no-valid-token",
  judge: "no-valid-token",
  title:
    "any request without a valid token answers 401: none, empty, random, near misses of the real one, revoked (own images, or none)",
  expected:
    "for no token, an empty or random one, the owner's token truncated, extended, with one character changed or in another case, and a revoked one, with any tag on an own image of every kind, a missing or malformed id: 401 with WWW-Authenticate; the image unchanged",
  profiles: "every profile",
});
