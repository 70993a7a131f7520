import type { ImageRecord } from "../ImageRecord";
import { canModify, canSee } from "../ImageRecord";
import { fail, type RefContext, type RefRequest, type RefResponse } from "../RefExchange";

/** The image the request names, if the caller can see it; otherwise the 404 Glance gives. */
export function visibleImage(req: RefRequest, ctx: RefContext): ImageRecord | RefResponse {
  const id = req.params["image_id"] ?? "";
  const image = ctx.images.get(id);
  if (image === undefined || !canSee(image, req.identity.projectId))
    return fail(404, `No image found with ID ${id}`);
  return image;
}

/** The image, if the caller may modify it: 404 when invisible, 403 when visible but someone else's. */
export function modifiableImage(req: RefRequest, ctx: RefContext): ImageRecord | RefResponse {
  const found = visibleImage(req, ctx);
  if (!("id" in found)) return found;
  if (!canModify(found, req.identity.projectId))
    return fail(403, "You are not permitted to modify this image.");
  return found;
}

export function isImage(x: ImageRecord | RefResponse): x is ImageRecord {
  return "id" in x;
}

/** The request's JSON body as an object, or undefined when absent or not an object. */
export function jsonObject(req: RefRequest): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(req.body.toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The first reason the profile's tag schema rejects a tag, if it does. */
export function tagProblem(tag: string, ctx: RefContext): string | undefined {
  const problems = ctx.profile.checkTag(tag);
  return problems.length === 0 ? undefined : `Invalid tag: ${problems.join("; ")}`;
}
