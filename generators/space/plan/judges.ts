import type { ImageLevelId } from "../dimensions/imageDimension";
import type { CredentialId } from "../Observation";
import type { RealPlan } from "./realizePlan";

/** Which judge (property) a plan belongs to: the answer its requests call for, and where they go. */
export const judgeIds = [
  "delete-present",
  "absent-tag",
  "invisible-image",
  "not-own-image",
  "request-body",
  "invalid-tag",
  "no-valid-token",
  "no-valid-token-other",
] as const;
export type JudgeId = (typeof judgeIds)[number];

export type TagSide = "valid" | "invalid" | "any";

/** What a judge's plans may hold: the images, tokens, bodies and tags its requests go with. */
export interface JudgeDomain {
  readonly id: JudgeId;
  /** The status every request of its plans calls for (a 204 before the same tag's second delete aside). */
  readonly status: number;
  /** The rule of the documents that decides its requests' answers (the answer dimension's level). */
  readonly answer: string;
  readonly images: readonly ImageLevelId[];
  readonly credentials: "valid" | "bad";
  readonly body: boolean | "any";
  readonly tags: TagSide;
  /** Whether its requests name tags on the image, tags not on it, or either. */
  readonly presence: "present" | "absent" | "any";
  /**
   * Whether its requests may be ones the documents leave unordered: a request error on an image that is not the
   * caller's own (400-elsewhere: a body, or a tag outside the schema), answered 400 or that image's own error (404, or 403),
   * either judged right (Expectation). The image judges take them, so each such image is set up once for both.
   */
  readonly unordered?: true;
}

const own: ImageLevelId[] = ["own-private", "own-shared", "own-community", "own-public"];
const invisible: ImageLevelId[] = ["missing", "malformed", "other-private", "other-shared"];
const visibleOther: ImageLevelId[] = [
  "other-shared-pending",
  "other-shared-accepted",
  "other-community",
  "other-public",
];
/** The caller's own images, and ids of no image (no set-up). */
const ownOrNone: ImageLevelId[] = [...own, "missing", "malformed"];

export const judgeDomains: Readonly<Record<JudgeId, JudgeDomain>> = {
  "delete-present": {
    id: "delete-present",
    answer: "204",
    status: 204,
    images: own,
    credentials: "valid",
    body: false,
    tags: "valid",
    presence: "present",
  },
  "absent-tag": {
    id: "absent-tag",
    answer: "404-tag",
    status: 404,
    images: own,
    credentials: "valid",
    body: false,
    tags: "valid",
    presence: "absent",
  },
  "invisible-image": {
    id: "invisible-image",
    answer: "404-image",
    status: 404,
    images: invisible,
    credentials: "valid",
    body: "any",
    tags: "any",
    presence: "any",
    unordered: true,
  },
  "not-own-image": {
    id: "not-own-image",
    answer: "403",
    status: 403,
    images: visibleOther,
    credentials: "valid",
    body: "any",
    tags: "any",
    presence: "any",
    unordered: true,
  },
  "request-body": {
    id: "request-body",
    answer: "400-body",
    status: 400,
    images: own,
    credentials: "valid",
    body: true,
    tags: "any",
    presence: "any",
  },
  "invalid-tag": {
    id: "invalid-tag",
    answer: "400-tag",
    status: 400,
    images: own,
    credentials: "valid",
    body: false,
    tags: "invalid",
    presence: "absent",
  },
  // The 401 requests are the most (every bad token crossed with every other level), so they are two judges,
  // two properties run side by side: on the caller's own images or none, and on another project's.
  "no-valid-token": {
    id: "no-valid-token",
    answer: "401",
    status: 401,
    images: ownOrNone,
    credentials: "bad",
    body: "any",
    tags: "any",
    presence: "any",
  },
  "no-valid-token-other": {
    id: "no-valid-token-other",
    answer: "401",
    status: 401,
    images: [...invisible.filter((i) => i.startsWith("other-")), ...visibleOther],
    credentials: "bad",
    body: "any",
    tags: "any",
    presence: "any",
  },
};

/** The rules of a request error, which the documents leave unordered against another's image's 404 or 403. */
export const requestErrors: readonly string[] = ["400-elsewhere"];

export const badCredentials: readonly CredentialId[] = [
  "none",
  "empty",
  "random",
  "truncated",
  "extended",
  "one-changed",
  "case-changed",
  "revoked",
];

/**
 * Whether a realized plan belongs to the judge: every request calls for the judge's status (first among those
 * allowed), none is ambiguous unless the judge takes unordered ones, and a 204 appears only before a second
 * delete of the same tag (the absent-tag judge's "deleted twice").
 */
export function fits(judge: JudgeDomain, plan: RealPlan, side: (tag: string) => string): boolean {
  if (!judge.images.includes(plan.image) || plan.steps.length === 0) return false;
  return plan.steps.every((s, i) => {
    if (s.expectation.ambiguous !== undefined && judge.unordered !== true) return false;
    const tagSide = side(s.tag);
    if (tagSide === "flagged" || tagSide === "unsendable") return false;
    if (judge.tags !== "any" && tagSide !== judge.tags) return false;
    const status = s.expectation.statuses[0];
    if (status === judge.status && s.expectation.rule === judge.answer) return true;
    if (judge.unordered === true && s.expectation.ambiguous !== undefined)
      return s.expectation.statuses.includes(judge.status) && requestErrors.includes(s.expectation.rule);
    const next = plan.steps[i + 1];
    return judge.id === "absent-tag" && status === 204 && next?.tag === s.tag;
  });
}
