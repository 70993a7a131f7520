import type { IncomingMessage } from "node:http";

/** The path of a request without its query. */
export function pathOf(req: IncomingMessage): string {
  return (req.url ?? "/").split("?")[0] ?? "/";
}

/** DELETE /v2/images/{image_id}/tags/{tag}: the operation under test. */
export function isTagDelete(req: IncomingMessage): boolean {
  return req.method === "DELETE" && /^\/v2\/images\/[^/]+\/tags\/[^/]+$/.test(pathOf(req));
}

/** DELETE /v2/images/{image_id}: an image delete (the run's cleanup), not a tag delete. */
export function isImageDelete(req: IncomingMessage): boolean {
  return req.method === "DELETE" && /^\/v2\/images\/[^/]+$/.test(pathOf(req));
}

/** GET /v2/images/{image_id}: showImage. */
export function isImageShow(req: IncomingMessage): boolean {
  return req.method === "GET" && /^\/v2\/images\/[^/]+$/.test(pathOf(req));
}

/** GET /: the version document, which the run reads without a token. */
export function isRoot(req: IncomingMessage): boolean {
  return req.method === "GET" && pathOf(req) === "/";
}

/** The tag a tag DELETE names, decoded, in code points ("" when the path does not decode). */
export function tagOf(req: IncomingMessage): string {
  try {
    return Array.from(decodeURIComponent(pathOf(req).split("/").pop() ?? "")).join("");
  } catch {
    return "";
  }
}
