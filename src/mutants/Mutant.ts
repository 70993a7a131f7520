import type { BuiltinProfileName } from "../profile/builtinProfiles";
import type { Handler, ReferenceBehaviour } from "../reference/RefExchange";

/** A deliberately broken variant of the reference: one named defect, and what must catch it. */
export interface Mutant {
  readonly name: string;
  readonly defect: string;
  /** The profile it is scored under (default huawei-ims; a flagged-rule defect needs openstack-glance). */
  readonly profile?: BuiltinProfileName;
  /** Scored under each of these instead (a defect every profile documents the input of). */
  readonly profiles?: readonly BuiltinProfileName[];
  /**
   * non-conformant (the default): caught when the verdict is non-conformant. finding: a defect only the extended
   * tier can see, detected when its scenarios report a finding (the verdict stays conformant).
   */
  readonly expects?: "non-conformant" | "finding";
  /** Documented statuses whose rows must fail against this mutant (its profile, default seed). */
  readonly rows: readonly number[];
  /** Scenarios that must fail, beyond the rows: the extended tier catches what no row does. */
  readonly scenarios: readonly string[];
  readonly apply: (faithful: ReferenceBehaviour) => ReferenceBehaviour;
}

/** The profiles a mutant is scored under. */
export function profilesOf(m: Mutant): readonly BuiltinProfileName[] {
  return m.profiles ?? [m.profile ?? "huawei-ims"];
}

/** Replaces one operation's handler with a wrapper of the faithful one. */
export function wrapHandler(
  faithful: ReferenceBehaviour,
  operationId: string,
  wrap: (inner: Handler) => Handler,
): ReferenceBehaviour {
  const inner = faithful.handlers[operationId];
  if (inner === undefined) throw new Error(`the reference has no ${operationId} handler`);
  return { ...faithful, handlers: { ...faithful.handlers, [operationId]: wrap(inner) } };
}

/** Replaces the subject operation's handler with a wrapper of the faithful one. */
export function wrapDeleteTag(
  faithful: ReferenceBehaviour,
  wrap: (inner: Handler) => Handler,
): ReferenceBehaviour {
  return wrapHandler(faithful, "deleteImageTag", wrap);
}
