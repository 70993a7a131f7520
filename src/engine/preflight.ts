import { randomUUID } from "node:crypto";
import { expandPath } from "../http/expandPath";
import { TransportError } from "../http/errors";
import type { HttpClient, HttpResponse } from "../http/HttpClient";
import type { Profile } from "../profile/Profile";
import type { AbortKind } from "./RunResult";
import { listImages } from "./listImages";
import type { ScratchImages } from "./ScratchImages";

export interface PreflightFailure {
  readonly kind: AbortKind;
  readonly message: string;
}

const typeOf = (res: HttpResponse): string =>
  (res.headers["content-type"] ?? "no Content-Type").split(";")[0] ?? "";

/**
 * Before any scenario: the target accepts each token (a 401 here is the user's configuration, not a finding),
 * and it is an Image API: one scratch image can be created, found by listing its name, and deleted. What answers otherwise (a web server, a
 * wrong base URL) is said in one line, and no scenario runs against it.
 */
export async function preflight(
  client: HttpClient,
  profile: Profile,
  images: ScratchImages,
  hasAlt: boolean,
): Promise<PreflightFailure | undefined> {
  const show = profile.fixtures.get("showImage");
  const create = profile.fixtures.get("createImage");
  const remove = profile.fixtures.get("deleteImage");
  if (show === undefined || create === undefined || remove === undefined) return undefined;
  // The alt token's check and the owner's scratch image, at once.
  const altAnswer = hasAlt
    ? client.send({
        operationId: "preflight",
        method: "GET",
        path: expandPath(show.pathTemplate, { image_id: randomUUID() }),
        as: "alt",
      })
    : undefined;
  // Settled below; should the owner's request fail first, its rejection is not left unhandled.
  altAnswer?.catch(() => undefined);
  const name = images.nameOf("preflight");
  images.attempted(name, "owner");
  const res = await client.send({
    operationId: "preflight",
    method: "POST",
    path: create.pathTemplate,
    as: "owner",
    json: { name, visibility: "private", tags: [] },
    expect: [201],
  });
  if (res.status === 401)
    return {
      kind: "token-rejected",
      message: "the target answered 401 to the owner token: check --token / ITC_TOKEN",
    };
  if ((await altAnswer)?.status === 401)
    return {
      kind: "token-rejected",
      message: "the target answered 401 to the alt token: check --alt-token / ITC_ALT_TOKEN",
    };
  let body: { id?: unknown; owner?: unknown } = {};
  try {
    body = (JSON.parse(res.text) ?? {}) as { id?: unknown; owner?: unknown };
  } catch {
    // not JSON: said below
  }
  const id = body.id;
  const answered = `creating a scratch image (POST ${create.pathTemplate}) answered ${res.status} ${typeOf(res)}`;
  if (res.status === 403)
    return {
      kind: "not-image-api",
      message: `${answered}: the owner must be allowed to create images (the member role)`,
    };
  if (res.status !== 201 || typeof id !== "string")
    return { kind: "not-image-api", message: `is --target the Image API base URL? ${answered}` };
  images.register(id, "owner", typeof body.owner === "string" ? body.owner : undefined);
  let deleted: HttpResponse;
  try {
    // The cleanup finds what a create stored despite an error answer by listing names: that must work here.
    const listing = await listImages(client, profile, "owner", { name });
    if (!listing.images.some((i) => i.id === id)) {
      const what = listing.incomplete ?? "answered without it";
      return {
        kind: "not-image-api",
        message: `listing images named ${name} ${what}, just after creating it: the run could not find the images it stores, so it does not start`,
      };
    }
    deleted = await client.send({
      operationId: "preflight",
      method: "DELETE",
      path: expandPath(remove.pathTemplate, { image_id: id }),
      as: "owner",
      expect: [204],
    });
  } catch (error) {
    // A target that stalls deletes would keep every scratch image of the run: stop before making more.
    if (error instanceof TransportError)
      return {
        kind: error.tls ? "tls" : "unreachable",
        message: `listing or deleting the preflight's scratch image ${id}: ${error.message}`,
      };
    throw error;
  }
  if (deleted.status !== 204 && deleted.status !== 404)
    return {
      kind: "not-image-api",
      message: `is --target the Image API base URL? deleting a scratch image answered ${deleted.status} ${typeOf(deleted)}`,
    };
  images.deletedEarly(id);
  return undefined;
}
