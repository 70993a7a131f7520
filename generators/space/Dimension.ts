import type { Observation } from "./Observation";

/** Where a tag of a level falls for a profile: its schema accepts it, rejects it, or a flag of it covers it. */
export type Side = "valid" | "invalid" | "flagged";

/** A value class of one dimension of the input space. */
export interface Level {
  readonly id: string;
  readonly title: string;
  /** Where it comes from: the schema, RFC 3986 or 9110, the seed document, a Glance finding, a known defect. */
  readonly source: string;
  /** For tag levels: the sides its tags can fall on for the profile (decided on the level's own examples). */
  readonly sides?: readonly Side[];
}

export const dimensionIds = [
  "length",
  "chars",
  "first",
  "last",
  "presence",
  "neighbour",
  "count",
  "image",
  "credential",
  "request",
  "answer",
] as const;
export type DimensionId = (typeof dimensionIds)[number];

/** One dimension of the operation's input space: its levels, and which of them a request falls in. */
export interface Dimension {
  readonly id: DimensionId;
  readonly title: string;
  readonly levels: readonly Level[];
  /**
   * The levels a request falls in: one, except for relations (a tag may have a prefix and a case variant on the
   * image); [] for "none of them"; undefined where the dimension does not apply (no image to carry tags).
   */
  readonly classify: (obs: Observation) => readonly string[] | undefined;
}
