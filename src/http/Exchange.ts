/** Who sends a request: one of the run's identities, nobody, or an explicit (non-secret) token such as a malformed one. */
export type Principal = "owner" | "alt" | "anonymous" | { readonly label: string; readonly token: string };

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE";

/** One request and its response, as recorded for evidence: secrets already redacted, bodies capped. */
export interface Exchange {
  readonly seq: number;
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Path and query as sent, percent-encoded, relative to the target's base URL. */
  readonly path: string;
  readonly principal: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody?: string;
  readonly status: number;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseBody: string;
  readonly durationMs: number;
}

export function principalLabel(p: Principal): string {
  return typeof p === "string" ? p : p.label;
}
