import { memberView } from "../ImageRecord";
import { fail, type Handler } from "../RefExchange";
import { isImage, jsonObject, modifiableImage } from "./lookup";

/** POST /v2/images/{image_id}/members: the owner shares a shared-visibility image with a project (pending). */
export const createImageMember: Handler = (req, ctx) => {
  const image = modifiableImage(req, ctx);
  if (!isImage(image)) return image;
  const member = jsonObject(req)?.["member"];
  if (typeof member !== "string" || member === "") return fail(400, "member must be a project ID.");
  if (image.visibility !== "shared") return fail(403, "Only shared images have members.");
  if (image.members.has(member)) return fail(409, `Member ${member} already exists.`);
  const now = ctx.now();
  const record = { status: "pending" as const, createdAt: now, updatedAt: now };
  image.members.set(member, record);
  return { status: 200, json: memberView(image.id, member, record) };
};
