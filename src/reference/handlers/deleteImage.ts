import type { Handler } from "../RefExchange";
import { isImage, modifiableImage } from "./lookup";

/** DELETE /v2/images/{image_id}: the owner deletes, 204. */
export const deleteImage: Handler = (req, ctx) => {
  const image = modifiableImage(req, ctx);
  if (!isImage(image)) return image;
  ctx.images.delete(image.id);
  return { status: 204 };
};
