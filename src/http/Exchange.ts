/**
 * Who sends a request: one of the run's identities, nobody, or an explicit token: a malformed one, or (secret)
 * a near miss of a real one, which is redacted everywhere like the real one.
 */
export type Principal =
  | "owner"
  | "alt"
  | "anonymous"
  | { readonly label: string; readonly token: string; readonly secret?: boolean };

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
  /** When it was sent, in ms after the run started. */
  readonly startedMs?: number;
  readonly durationMs: number;
  /** The statuses the suite expected, when it said (a 5xx not among them breaks a core rule). */
  readonly expected?: readonly number[];
  /** The body was longer than the suite reads (only the start was kept). */
  readonly truncated?: boolean;
  /** Bytes the target sent after a response with no content (204): RFC 9110 §15.3.5 allows none. */
  readonly trailingBytes?: number;
  /** The first of those bytes (up to 1 KiB, as Latin-1 text, redacted): the evidence itself. */
  readonly trailing?: string;
  /**
   * Sent twice: the first time on a kept-alive connection the target had closed, which gave no answer; this is
   * the answer to the second, on a new connection (GET, PUT or DELETE only; never the subject request).
   */
  readonly resent?: true;
}

export function principalLabel(p: Principal): string {
  return typeof p === "string" ? p : p.label;
}
