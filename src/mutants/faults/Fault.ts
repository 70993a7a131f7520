import type { LevelRef } from "../../../generators/space/compatibility";
import type { BuiltinProfileName } from "../../profile/builtinProfiles";

/** What a generated fault does to the requests its predicate picks out. */
export const misbehaviourIds = [
  "server-error",
  "wrong-status",
  "keep-204",
  "other-tag",
  "other-image",
  "field",
  "accept-credential",
] as const;
export type Misbehaviour = (typeof misbehaviourIds)[number];

export const misbehaviourWords: Readonly<Record<Misbehaviour, string>> = {
  "server-error": "answers 500",
  "wrong-status": "answers a documented status the documents do not allow there",
  "keep-204": "answers 204 and changes nothing",
  "other-tag": "also changes another tag of the image (removes one, or adds one)",
  "other-image": "also renames the caller's oldest other image",
  field: "also changes a field of the image (min_disk, its name, or its visibility)",
  "accept-credential": "takes a token that is not valid for the owner's",
};

/** One fault of the generated fault space: a predicate over one or two levels, times a misbehaviour. */
export interface Fault {
  readonly index: number;
  readonly profile: BuiltinProfileName;
  readonly predicate: readonly LevelRef[];
  readonly misbehaviour: Misbehaviour;
}

export function faultWords(f: Fault): string {
  const when = f.predicate.map((r) => `${r.dimension}=${r.level}`).join(" and ");
  return `${f.profile}: when ${when}, ${misbehaviourWords[f.misbehaviour]}`;
}
