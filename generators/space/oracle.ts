import type { Observation } from "./Observation";

/** The rule of the documents that decides a request's answer: its status, and why. */
export const answerRules = [
  "204",
  "400-body",
  "400-tag",
  "400-elsewhere",
  "401",
  "403",
  "404-image",
  "404-tag",
] as const;
export type AnswerRule = (typeof answerRules)[number];

/**
 * What the documents call for, judged on one request. Where they leave two errors unordered (a request error on
 * an image that is not the caller's own), both are allowed: only the judges that take such requests send them.
 */
export interface Expectation {
  /** The statuses the documents allow: the first is the one the profile's own reference answers. */
  readonly statuses: readonly number[];
  readonly rule: AnswerRule;
  /** A request where two documented errors apply and the documents do not say which comes first. */
  readonly ambiguous?: string;
}

export function canSee(image: Exclude<Observation["image"], string>): boolean {
  if (image.mine) return true;
  if (image.visibility === "public" || image.visibility === "community") return true;
  return image.visibility === "shared" && image.member !== "none";
}

/**
 * The answer the documents call for. RFC 9110 §15.5.2: without a valid token, 401 whatever else is wrong (Glance
 * authenticates in middleware, before anything else). The seed page: "Request parameters: None", so a body is a
 * request error (400, measured on Glance 25.1.0); a tag outside the schema is 400; an image the caller cannot see
 * is 404, one it sees but does not own 403 (Image API v2); a tag the image lacks is 404; otherwise 204.
 */
export function expectationOf(
  obs: Observation,
  tagValid: boolean,
  documented: readonly number[],
  outsideSchema: readonly number[] = [400],
): Expectation {
  if (obs.credential !== "valid") return { statuses: [401], rule: "401" };
  const image = obs.image;
  const ownImage = typeof image !== "string" && image.mine;
  if (obs.body || !tagValid) {
    // A tag outside the schema: the profile's statuses for it (openstack-glance: 400 or 404, x-itc-outside-schema).
    const own = obs.body ? [400] : outsideSchema;
    if (ownImage) return { statuses: own, rule: obs.body ? "400-body" : "400-tag" };
    // On another's image or none, a rule of its own: the documents do not order the error against the image's.
    const rule = "400-elsewhere";
    const other = image === "missing" || image === "malformed" || !canSee(image) ? 404 : 403;
    return {
      statuses: [...new Set([...own, other])],
      rule,
      ambiguous: `a request error (400) on an image that answers ${other}`,
    };
  }
  if (image === "missing") return { statuses: [404], rule: "404-image" };
  if (image === "malformed")
    return { statuses: documented.includes(400) ? [404, 400] : [404], rule: "404-image" };
  if (!canSee(image)) return { statuses: [404], rule: "404-image" };
  if (!image.mine) return { statuses: [403], rule: "403" };
  return image.tags.includes(obs.tag)
    ? { statuses: [204], rule: "204" }
    : { statuses: [404], rule: "404-tag" };
}
