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
}

const own: ImageLevelId[] = ["own-private", "own-shared", "own-community", "own-public"];

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
    images: ["missing", "malformed", "other-private", "other-shared"],
    credentials: "valid",
    body: false,
    tags: "valid",
    presence: "any",
  },
  "not-own-image": {
    id: "not-own-image",
    answer: "403",
    status: 403,
    images: ["other-shared-pending", "other-shared-accepted", "other-community", "other-public"],
    credentials: "valid",
    body: false,
    tags: "valid",
    presence: "any",
  },
  "request-body": {
    id: "request-body",
    answer: "400-body",
    status: 400,
    images: own,
    credentials: "valid",
    body: true,
    tags: "valid",
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
  "no-valid-token": {
    id: "no-valid-token",
    answer: "401",
    status: 401,
    images: [
      ...own,
      "other-private",
      "other-shared",
      "other-shared-pending",
      "other-shared-accepted",
      "other-community",
      "other-public",
      "missing",
      "malformed",
    ],
    credentials: "bad",
    body: "any",
    tags: "any",
    presence: "any",
  },
};

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
 * Whether a realized plan belongs to the judge: every request calls for the judge's status, none is ambiguous,
 * and a 204 appears only before a second delete of the same tag (the absent-tag judge's "deleted twice").
 */
export function fits(judge: JudgeDomain, plan: RealPlan, side: (tag: string) => string): boolean {
  if (!judge.images.includes(plan.image) || plan.steps.length === 0) return false;
  return plan.steps.every((s, i) => {
    if (s.expectation.ambiguous !== undefined) return false;
    const tagSide = side(s.tag);
    if (tagSide === "flagged" || tagSide === "unsendable") return false;
    if (judge.tags !== "any" && tagSide !== judge.tags) return false;
    const status = s.expectation.statuses[0];
    if (status === judge.status && s.expectation.rule === judge.answer) return true;
    const next = plan.steps[i + 1];
    return judge.id === "absent-tag" && status === 204 && next?.tag === s.tag;
  });
}
