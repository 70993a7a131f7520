import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { openstackDir, readTargetEnv } from "./openstackTarget";

/** One image of the owner project, as the Image API lists it. */
export interface ListedImage {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  /** Tags and updated_at: an image the run must not touch keeps both. */
  readonly tags: readonly string[];
  readonly updatedAt: string;
}

const timeout = (): AbortSignal => AbortSignal.timeout(30_000);

function field(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path)
    v = typeof v === "object" && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

function text(value: unknown, what: string): string {
  if (typeof value !== "string" || value === "")
    throw new Error(`${what}: expected a string, got ${String(value)}`);
  return value;
}

/**
 * A fresh token of the owner identity of clouds.yaml + secure.yaml, and its project id (Keystone v3 password auth),
 * from Keystone itself (its plain loopback URL: behind TLS the proxy's CA is not one this process trusts).
 */
async function ownerToken(): Promise<{ token: string; projectId: string }> {
  const clouds: unknown = parse(readFileSync(join(openstackDir, "clouds.yaml"), "utf8"));
  const secure: unknown = parse(readFileSync(join(openstackDir, "secure.yaml"), "utf8"));
  const auth = field(clouds, "clouds", "owner", "auth");
  const domain = { name: text(field(auth, "user_domain_name"), "user_domain_name") };
  const res = await fetch(`${readTargetEnv().keystonePlain}/auth/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ["password"],
          password: {
            user: {
              name: text(field(auth, "username"), "username"),
              domain,
              password: text(field(secure, "clouds", "owner", "auth", "password"), "password"),
            },
          },
        },
        scope: {
          project: {
            name: text(field(auth, "project_name"), "project_name"),
            domain: { name: text(field(auth, "project_domain_name"), "project_domain_name") },
          },
        },
      },
    }),
    signal: timeout(),
  });
  if (res.status !== 201) throw new Error(`Keystone answered ${res.status} to the owner's password`);
  return {
    token: text(res.headers.get("x-subject-token"), "X-Subject-Token"),
    projectId: text(field(await res.json(), "token", "project", "id"), "token.project.id"),
  };
}

/**
 * Every image of the owner project through the Image API (GET /v2/images?owner=..., following `next`), with the
 * owner's token: every status and visibility, hidden images included (Glance lists os_hidden images only when
 * asked), sorted by id. Independent of the suite's own bookkeeping: this is what the cloud's owner would see.
 * glanceUrl: Glance itself (ITC_GLANCE_PLAIN) or a proxy in plain HTTP in front of it.
 */
export async function ownerImages(glanceUrl: string): Promise<ListedImage[]> {
  const { token, projectId } = await ownerToken();
  const images = new Map<string, ListedImage>();
  for (const hidden of ["false", "true"]) {
    const query = new URLSearchParams({
      owner: projectId,
      visibility: "all",
      os_hidden: hidden,
      limit: "100",
    });
    let next: string | undefined = `/v2/images?${query.toString()}`;
    for (let page = 0; next !== undefined; page++) {
      if (page > 1000) throw new Error("more than 1000 pages of images");
      const res = await fetch(new URL(next, glanceUrl), {
        headers: { "X-Auth-Token": token },
        signal: timeout(),
      });
      if (res.status !== 200) throw new Error(`GET ${next} answered ${res.status}`);
      const body: unknown = await res.json();
      const listed = field(body, "images");
      if (!Array.isArray(listed)) throw new Error(`GET ${next}: no images array`);
      for (const image of listed) {
        const id = text(field(image, "id"), "image id");
        const tags = field(image, "tags");
        images.set(id, {
          id,
          name: String(field(image, "name")),
          status: String(field(image, "status")),
          tags: Array.isArray(tags) ? tags.map(String).sort() : [],
          updatedAt: String(field(image, "updated_at")),
        });
      }
      const link = field(body, "next");
      next = typeof link === "string" ? link : undefined;
    }
  }
  return [...images.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export const usersOwnImage = "users-own-image";

/** An image of the owner's own, as a user of the cloud would have one: the runs must leave it as it is. */
export async function createOwnerImage(
  glanceUrl: string,
  name: string,
  tags: readonly string[],
): Promise<void> {
  const { token } = await ownerToken();
  const res = await fetch(new URL("/v2/images", glanceUrl), {
    method: "POST",
    headers: { "X-Auth-Token": token, "Content-Type": "application/json" },
    body: JSON.stringify({ name, tags, container_format: "bare", disk_format: "raw", visibility: "private" }),
    signal: timeout(),
  });
  if (res.status !== 201) throw new Error(`creating the owner's own image answered ${res.status}`);
}
