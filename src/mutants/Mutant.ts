import type { ReferenceBehaviour } from "../reference/RefExchange";

/** A deliberately broken variant of the reference: one named defect, and the status rows that must catch it. */
export interface Mutant {
  readonly name: string;
  readonly defect: string;
  /** Documented statuses whose rows must fail against this mutant. */
  readonly caughtBy: readonly number[];
  readonly apply: (faithful: ReferenceBehaviour) => ReferenceBehaviour;
}

/** A mutant that replaces the subject operation's handler with a wrapper of the faithful one. */
export function wrapDeleteTag(
  faithful: ReferenceBehaviour,
  wrap: (
    inner: NonNullable<ReferenceBehaviour["handlers"][string]>,
  ) => NonNullable<ReferenceBehaviour["handlers"][string]>,
): ReferenceBehaviour {
  const inner = faithful.handlers["deleteImageTag"];
  if (inner === undefined) throw new Error("the reference has no deleteImageTag handler");
  return { ...faithful, handlers: { ...faithful.handlers, deleteImageTag: wrap(inner) } };
}
