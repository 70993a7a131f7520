import { inputSpace } from "../../../generators/space/inputSpace";
import type { Profile } from "../../profile/Profile";
import { fail, type ReferenceBehaviour, type SubjectAction } from "../../reference/RefExchange";
import type { Fault } from "./Fault";
import { serverObservation } from "./serverObservation";

const errorStatuses = [400, 401, 403, 404];

/**
 * The faithful reference with one generated fault: every subject request whose levels (read on the reference's
 * side) include the fault's predicate misbehaves as the fault says; every other request is answered faithfully.
 */
export function faultBehaviour(
  faithful: ReferenceBehaviour,
  fault: Fault,
  profile: Profile,
): ReferenceBehaviour {
  const space = inputSpace(profile);
  return {
    ...faithful,
    subjectHook: (call): SubjectAction | undefined => {
      const obs = serverObservation(call, space);
      const levels = space.levelsOf(obs);
      if (!fault.predicate.every((r) => (levels[r.dimension] ?? []).includes(r.level))) return undefined;
      const images = call.ctx.images;
      const named = images.get(call.params["image_id"] ?? "");
      switch (fault.misbehaviour) {
        case "server-error":
          return { kind: "respond", response: fail(500, "Injected fault.") };
        case "keep-204":
          return { kind: "respond", response: { status: 204 } };
        case "wrong-status": {
          const allowed = space.expectation(obs).statuses;
          const wrong = errorStatuses.filter(
            (s) => profile.documentedStatuses.includes(s) && !allowed.includes(s),
          );
          const status = wrong[fault.index % wrong.length] ?? 500;
          return { kind: "respond", response: fail(status, "Injected fault: a wrong status.") };
        }
        case "accept-credential": {
          const owner = call.identities.find((i) => i.name === "owner" && i.revoked !== true);
          return call.identity === undefined && owner !== undefined
            ? { kind: "as", identity: owner }
            : undefined;
        }
        case "other-tag":
          return {
            kind: "after",
            effect: () => {
              if (named === undefined) return;
              const other = named.tags.find((t) => t !== call.params["tag"]);
              named.tags =
                other === undefined
                  ? [...named.tags, "injected-stray"]
                  : named.tags.filter((t) => t !== other);
            },
          };
        case "field":
          return {
            kind: "after",
            effect: () => {
              if (named === undefined) return;
              const n = fault.index % 3;
              if (n === 0) named.fields["min_disk"] = 1;
              else if (n === 1) named.name = `${named.name ?? ""}-renamed`;
              else named.visibility = named.visibility === "private" ? "community" : "private";
            },
          };
        case "other-image":
          return {
            kind: "after",
            effect: () => {
              const owner = call.identity ?? call.identities.find((i) => i.name === "owner");
              const victim = [...images.values()].find((i) => i.owner === owner?.projectId && i !== named);
              if (victim !== undefined) victim.name = `${victim.name ?? ""}-renamed`;
            },
          };
      }
    },
  };
}
