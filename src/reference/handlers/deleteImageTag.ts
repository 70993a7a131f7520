import { fail, type Handler } from "../RefExchange";
import { isImage, modifiableImage, tagProblem } from "./lookup";

/**
 * DELETE /v2/images/{image_id}/tags/{tag}. Order of checks as Glance: a body is a request error (400, measured
 * on Glance 25.1.0; the seed page: "Request parameters: None"), the tag must match the profile's schema
 * (400), the image must be visible (404) and modifiable (403), the tag must be present (404), then 204.
 */
export const deleteImageTag: Handler = (req, ctx) => {
  if (req.body.length > 0) return fail(400, "This operation does not take a request body.");
  const tag = req.params["tag"] ?? "";
  const problem = tagProblem(tag, ctx);
  if (problem !== undefined) return fail(400, problem);
  const image = modifiableImage(req, ctx);
  if (!isImage(image)) return image;
  if (!image.tags.includes(tag)) return fail(404, `Tag ${tag} not found on image ${image.id}`);
  image.tags = image.tags.filter((t) => t !== tag);
  image.updatedAt = ctx.now();
  return { status: 204 };
};
