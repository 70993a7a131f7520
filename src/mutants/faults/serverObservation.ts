import type { InputSpace } from "../../../generators/space/inputSpace";
import type { CredentialId, Observation } from "../../../generators/space/Observation";
import type { Identity } from "../../reference/Identity";
import type { SubjectCall } from "../../reference/RefExchange";

/** How a token the request carries relates to the identities' real ones (the credential dimension's levels). */
export function credentialOf(
  token: string | undefined,
  call: Pick<SubjectCall, "identity" | "identities">,
): CredentialId {
  if (token === undefined) return "none";
  if (token === "") return "empty";
  if (call.identity !== undefined) return "valid";
  if (call.identities.some((i) => i.revoked === true && i.token === token)) return "revoked";
  for (const { token: real } of call.identities.filter((i) => i.revoked !== true)) {
    if (real.startsWith(token)) return "truncated";
    if (token.startsWith(real)) return "extended";
    if (token.length === real.length) {
      let diff = 0;
      for (let i = 0; i < token.length && diff < 2; i++) if (token[i] !== real[i]) diff += 1;
      if (diff === 1) return "one-changed";
      if (token.toLowerCase() === real.toLowerCase()) return "case-changed";
    }
  }
  return "random";
}

/**
 * A subject request as the model sees it, read on the reference's side: the tag from the path, the image from
 * the store as the caller sees it (for a request without a valid token, as the owner would), the credential
 * from the token against the identities. The suite classifies what it sent the same way (the test holds them
 * together), so a fault predicate fires exactly on the requests of its levels.
 */
export function serverObservation(call: SubjectCall, space: InputSpace): Observation {
  const owner: Identity | undefined = call.identities.find((i) => i.name === "owner" && i.revoked !== true);
  const caller = call.identity ?? owner;
  const imageId = call.params["image_id"] ?? "";
  let image: Observation["image"];
  if (space.profile.checkImageId(imageId).length > 0) image = "malformed";
  else {
    const record = call.ctx.images.get(imageId);
    if (record === undefined) image = "missing";
    else {
      const member = caller === undefined ? undefined : record.members.get(caller.projectId);
      image = {
        mine: caller !== undefined && record.owner === caller.projectId,
        visibility: record.visibility,
        member: member === undefined ? "none" : member.status === "accepted" ? "accepted" : "pending",
        tags: [...record.tags],
      };
    }
  }
  return {
    tag: call.params["tag"] ?? "",
    image,
    credential: credentialOf(call.token, call),
    body: call.body.length > 0,
  };
}
