import { fail, type Handler } from "../RefExchange";
import { isImage, modifiableImage, tagProblem } from "./lookup";

/** PUT /v2/images/{image_id}/tags/{tag}: adds the tag (idempotent), 204. */
export const addImageTag: Handler = (req, ctx) => {
  const tag = req.params["tag"] ?? "";
  const problem = tagProblem(tag, ctx);
  if (problem !== undefined) return fail(400, problem);
  const image = modifiableImage(req, ctx);
  if (!isImage(image)) return image;
  if (!image.tags.includes(tag)) image.tags.push(tag);
  image.updatedAt = ctx.now();
  return { status: 204 };
};
