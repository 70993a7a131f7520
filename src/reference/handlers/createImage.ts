import { randomUUID } from "node:crypto";
import { imageView, type ImageRecord, type Visibility } from "../ImageRecord";
import { fail, type Handler } from "../RefExchange";
import { jsonObject, tagProblem } from "./lookup";

const creatable: readonly string[] = ["private", "shared", "community"];

/** POST /v2/images: a metadata-only image owned by the caller's project; Glance's default visibility is shared. */
export const createImage: Handler = (req, ctx) => {
  const body = jsonObject(req);
  if (body === undefined) return fail(400, "The request body must be a JSON object.");
  const { name = null, visibility = "shared", tags = [] } = body;
  if (name !== null && typeof name !== "string") return fail(400, "name must be a string.");
  if (typeof visibility !== "string" || !creatable.includes(visibility)) {
    return visibility === "public"
      ? fail(403, "You are not authorized to create public images.")
      : fail(400, `Invalid visibility value: ${String(visibility)}`);
  }
  if (!Array.isArray(tags) || !tags.every((t): t is string => typeof t === "string")) {
    return fail(400, "tags must be an array of strings.");
  }
  for (const tag of tags) {
    const problem = tagProblem(tag, ctx);
    if (problem !== undefined) return fail(400, problem);
  }
  const now = ctx.now();
  const image: ImageRecord = {
    id: randomUUID(),
    name,
    owner: req.identity.projectId,
    visibility: visibility as Visibility,
    tags: [...new Set(tags)],
    members: new Map(),
    createdAt: now,
    updatedAt: now,
    fields: {},
  };
  ctx.images.set(image.id, image);
  return { status: 201, json: imageView(image), headers: { Location: `/v2/images/${image.id}` } };
};
