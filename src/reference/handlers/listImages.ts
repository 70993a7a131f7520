import { canSee, imageView } from "../ImageRecord";
import type { Handler } from "../RefExchange";

const pageLimit = 1000;

/**
 * GET /v2/images: the images the caller can see, oldest first, filtered by name; paged with limit and marker,
 * `next` linking the following page, as Glance does.
 */
export const listImages: Handler = (req, ctx) => {
  const query = req.query;
  const name = query.get("name");
  const limit = Math.min(pageLimit, Math.max(1, Number(query.get("limit") ?? "25") || 25));
  const marker = query.get("marker");
  const visible = [...ctx.images.values()].filter(
    (i) => canSee(i, req.identity.projectId) && (name === null || i.name === name),
  );
  const from = marker === null ? 0 : visible.findIndex((i) => i.id === marker) + 1;
  const page = visible.slice(from, from + limit);
  const next = new URLSearchParams(query);
  next.set("marker", page[page.length - 1]?.id ?? "");
  return {
    status: 200,
    json: {
      images: page.map(imageView),
      ...(from + limit < visible.length ? { next: `/v2/images?${next.toString()}` } : {}),
      first: "/v2/images",
      schema: "/v2/schemas/images",
    },
  };
};
