/**
 * Why a scenario was not exercised. Every cause makes the verdict incomplete except untriggerable (a 5xx that a
 * live target cannot be made to answer), and for a flagged or extended scenario needs-input. interrupted: Ctrl-C or a time limit cut it short; suite-error: a bug
 * of the suite's own; throttled: the target kept answering 429 (or 503) with Retry-After.
 */
export type NotExercisedCause =
  "needs-input" | "setup-failed" | "untriggerable" | "interrupted" | "suite-error" | "throttled";

/** A scenario that finds, while running, that it cannot prove anything says so; otherwise the probe's checks decide. */
export interface NotExercised {
  readonly notExercised: string;
  /** Why, for the verdict (default setup-failed). */
  readonly cause?: NotExercisedCause;
}
