import type { Derivation } from "../derive";
import type { ImageLevelId } from "../dimensions/imageDimension";
import type { CredentialId } from "../Observation";
import type { TagSpec } from "../realizeTag";

/**
 * A tag of a plan: built from a spec, or a near miss of the tag that spec builds (derived from it). A step that
 * names {spec} while the image carries {spec, how} meets that near miss; one that names the image's own {spec}
 * tag while it also carries the near miss deletes beside it.
 */
export interface TagSource {
  readonly spec: TagSpec;
  readonly how?: Derivation;
}

/** One subject request of a plan: which tag (one on the image, or another), with which token, with a body or not. */
export interface StepValue {
  /** `on`: the image's tag at that index (present); otherwise a tag of its own, built or derived. */
  readonly tag: TagSource | { readonly on: number };
  /** Sent twice (the second time the tag is gone: 404). */
  readonly again?: boolean;
  readonly credential: CredentialId;
  readonly body: boolean;
  /** Where a near-miss token differs from the real one (which character changes), or seeds a random one. */
  readonly variant: number;
}

/**
 * One case: an image (which kind, the tags it is created with, unrelated filler tags besides) and the requests
 * sent to it in order. Plain data, so that fast-check can shrink a case the coverage phase built as well as a
 * random one; realizePlan turns it into concrete tags and requests.
 */
export interface PlanValue {
  readonly image: ImageLevelId;
  readonly tags: readonly TagSource[];
  readonly fill: number;
  readonly steps: readonly StepValue[];
  /** Seeds the filler tags and the missing or malformed image id. */
  readonly salt: number;
}
