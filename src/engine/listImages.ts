import { performance } from "node:perf_hooks";
import type { Principal } from "../http/Exchange";
import type { HttpClient } from "../http/HttpClient";
import type { Profile } from "../profile/Profile";

export interface ListedImage {
  readonly id: string;
  readonly name: string;
  readonly owner: string | undefined;
  readonly createdAt: string | undefined;
}

export interface Listing {
  readonly images: ListedImage[];
  readonly status: number;
  /** Why the list may be incomplete (an error answer, the page cap, a deadline); absent when every page was read. */
  readonly incomplete?: string;
}

/** Pages followed at most: a target that keeps answering `next` cannot keep the run listing. */
const defaultMaxPages = 20;

function imagesOf(text: string): { images: ListedImage[]; next: string | undefined } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { images: [], next: undefined };
  }
  const body = (typeof doc === "object" && doc !== null ? doc : {}) as { images?: unknown; next?: unknown };
  const images = (Array.isArray(body.images) ? (body.images as unknown[]) : []).flatMap((i) => {
    const r = (typeof i === "object" && i !== null ? i : {}) as Record<string, unknown>;
    const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
    const id = str(r["id"]);
    return id === undefined
      ? []
      : [{ id, name: str(r["name"]) ?? "", owner: str(r["owner"]), createdAt: str(r["created_at"]) }];
  });
  // Only a next page of the same list on the same target is followed.
  const next = typeof body.next === "string" && body.next.startsWith("/v2/images?") ? body.next : undefined;
  return { images, next };
}

/**
 * The images a principal sees through the profile's listImages (GET /v2/images), optionally with one name,
 * every page followed (bounded). Never trusts a create's answer: this is how the run finds what it stored.
 */
export async function listImages(
  client: HttpClient,
  profile: Profile,
  as: Principal,
  query: { readonly name?: string },
  maxPages = defaultMaxPages,
  /** performance.now() after which no further page is asked for (the cleanup's deadline). */
  stopAt = Infinity,
): Promise<Listing> {
  const spec = profile.fixtures.get("listImages");
  if (spec === undefined)
    return { images: [], status: 0, incomplete: "the profile has no listImages operation" };
  const params = new URLSearchParams({ limit: "100" });
  if (query.name !== undefined) params.set("name", query.name);
  let path: string | undefined = `${spec.pathTemplate}?${params.toString()}`;
  const found: ListedImage[] = [];
  for (let page = 0; path !== undefined; page++) {
    if (page >= maxPages) return { images: found, status: 200, incomplete: `more than ${maxPages} pages` };
    if (performance.now() > stopAt)
      return { images: found, status: 200, incomplete: "the cleanup deadline passed first" };
    const res = await client.send({ operationId: "listImages", method: "GET", path, as, expect: [200] });
    if (res.status !== 200)
      return { images: found, status: res.status, incomplete: `answered ${res.status}` };
    const { images, next } = imagesOf(res.text);
    found.push(...images.filter((i) => query.name === undefined || i.name === query.name));
    path = images.length === 0 ? undefined : next;
  }
  return { images: found, status: 200 };
}
