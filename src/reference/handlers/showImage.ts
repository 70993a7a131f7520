import { imageView } from "../ImageRecord";
import type { Handler } from "../RefExchange";
import { isImage, visibleImage } from "./lookup";

/** GET /v2/images/{image_id}: 200 when visible, 404 otherwise. */
export const showImage: Handler = (req, ctx) => {
  const image = visibleImage(req, ctx);
  return isImage(image) ? { status: 200, json: imageView(image) } : image;
};
