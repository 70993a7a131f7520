import { judgeScenario } from "../coverage/judgeScenario";

/**
 * Property 7, on another project's images: any request without a valid token answers 401 (RFC 9110 §15.5.2),
 * whatever image it names. The other half of 401-prop-no-valid-token, run beside it.
 */
export const noValidTokenOtherProperty = judgeScenario({
  id: "401-prop-no-valid-token-other",
  judge: "no-valid-token-other",
  title: "any request without a valid token answers 401, on another project's image of every kind",
  expected:
    "for no token, an empty or random one, the owner's token truncated, extended, with one character changed or in another case, and a revoked one, with any tag, on another project's image (private, shared pending or accepted, community, public): 401 with WWW-Authenticate; the image unchanged",
  needs: ["alt-identity"],
  profiles: "every profile",
});
