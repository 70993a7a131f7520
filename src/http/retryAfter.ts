/** The longest single wait a Retry-After may impose; longer asks are capped (and the retries are few). */
export const maxRetryWaitMs = 60_000;

/**
 * How long to wait before retrying, from Retry-After (RFC 9110 §10.2.3: delay-seconds or an HTTP-date), or,
 * without one, an exponential back-off from one second.
 */
export function retryAfterMs(header: string | undefined, attempt: number, now: number = Date.now()): number {
  const fallback = Math.min(maxRetryWaitMs, 1000 * 2 ** attempt);
  if (header === undefined) return fallback;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.min(maxRetryWaitMs, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? fallback : Math.min(maxRetryWaitMs, Math.max(0, date - now));
}

/** A throttling answer: 429, or 503 with Retry-After (API gateways of public clouds answer both). */
export function isThrottled(status: number, headers: Readonly<Record<string, string>>): boolean {
  return status === 429 || (status === 503 && headers["retry-after"] !== undefined);
}
