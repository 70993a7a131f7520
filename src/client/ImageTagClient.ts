import type { Profile } from "../profile/Profile";
import type { DeleteTagResult, ErrorBody } from "./DeleteTagResult";

function parseError(text: string): ErrorBody | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as ErrorBody)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A typed client of the image-tag operations, for consumers and for the Pact consumer tests: each documented
 * status maps to its own member, error bodies are parsed, and anything the profile does not document comes back
 * as `undocumented`.
 */
export class ImageTagClient {
  constructor(
    private readonly baseUrl: string,
    private readonly profile: Profile,
    private readonly token: string | undefined,
  ) {}

  async deleteTag(
    imageId: string,
    tag: string,
    options: { readonly body?: unknown } = {},
  ): Promise<DeleteTagResult> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (this.token !== undefined) headers[this.profile.authHeader] = this.token;
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(
      `${this.baseUrl}/v2/images/${encodeURIComponent(imageId)}/tags/${encodeURIComponent(tag)}`,
      {
        method: "DELETE",
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      },
    );
    const text = await res.text();
    const status = res.status;
    const undocumented = { kind: "undocumented" as const, status, body: text };
    if (!this.profile.documentedStatuses.includes(status)) return undocumented;
    if (status === 204) return text === "" ? { kind: "deleted", status } : undocumented;
    const error = parseError(text);
    if (error === undefined) return undocumented;
    if (status === 401)
      return { kind: "unauthorized", status, error, challenge: res.headers.get("www-authenticate") ?? "" };
    switch (status) {
      case 400:
        return { kind: "bad-request", status, error };
      case 403:
        return { kind: "forbidden", status, error };
      case 404:
        return { kind: "not-found", status, error };
      case 500:
        return { kind: "server-error", status, error };
      case 503:
        return { kind: "unavailable", status, error };
      default:
        return undocumented;
    }
  }
}
