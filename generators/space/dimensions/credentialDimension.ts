import type { Dimension } from "../Dimension";
import { credentialIds, type CredentialId } from "../Observation";

const titles: Readonly<Record<CredentialId, string>> = {
  valid: "the caller's own valid token",
  none: "no token header",
  empty: "an empty token header",
  random: "a random string",
  truncated: "the real token without its last character",
  extended: "the real token with one more character",
  "one-changed": "the real token with one character changed",
  "case-changed": "the real token in another letter case",
  revoked: "a token the identity service issued, then revoked",
};

/** What the request carries as its token: near misses of the real one above all (RFC 9110 §11.6.2, §15.5.2). */
export function credentialDimension(): Dimension {
  return {
    id: "credential",
    title: "the token",
    levels: credentialIds.map((id) => ({
      id,
      title: titles[id],
      source: "RFC 9110 §15.5.2: 401 without valid credentials; near misses catch a token compared loosely",
    })),
    classify: (obs) => [obs.credential],
  };
}
