import { memberView, type MemberStatus } from "../ImageRecord";
import { fail, type Handler } from "../RefExchange";
import { isImage, jsonObject, visibleImage } from "./lookup";

const statuses: readonly string[] = ["pending", "accepted", "rejected"];

/** PUT /v2/images/{image_id}/members/{member_id}: only the member itself sets its status. */
export const updateImageMember: Handler = (req, ctx) => {
  const image = visibleImage(req, ctx);
  if (!isImage(image)) return image;
  const memberId = req.params["member_id"] ?? "";
  const record = image.members.get(memberId);
  if (record === undefined) return fail(404, `Member ${memberId} not found.`);
  if (memberId !== req.identity.projectId) return fail(403, "Only the member may change its status.");
  const status = jsonObject(req)?.["status"];
  if (typeof status !== "string" || !statuses.includes(status))
    return fail(400, "status must be pending, accepted or rejected.");
  record.status = status as MemberStatus;
  record.updatedAt = ctx.now();
  return { status: 200, json: memberView(image.id, memberId, record) };
};
