/** How the hostile target misbehaves (test/support/hostileTarget.ts describes each mode). */
export type HostileMode =
  | "silent"
  | "silent-deletes"
  | "trickle"
  | "huge-root"
  | "deep-root"
  | "big-root"
  | "echo-token"
  | "echo-token-in-type"
  | "throttle"
  | "reset-mid-body"
  | "late-204-body"
  | "hanging-deletes"
  | "die-after"
  | "json-charset"
  | "json-uppercase"
  | "gzip-errors"
  | "eager-204-body"
  | "chunked-204"
  | "expire-token"
  | "slow-deletes"
  | "slow-long-500";

export const hostileModes: readonly HostileMode[] = [
  "silent",
  "silent-deletes",
  "trickle",
  "huge-root",
  "deep-root",
  "big-root",
  "echo-token",
  "echo-token-in-type",
  "throttle",
  "reset-mid-body",
  "late-204-body",
  "hanging-deletes",
  "die-after",
  "json-charset",
  "json-uppercase",
  "gzip-errors",
  "eager-204-body",
  "chunked-204",
  "expire-token",
  "slow-deletes",
  "slow-long-500",
];

/** One request as the hostile target received it: its number (from 1), what, when, and what it did with it. */
export interface HostileRequest {
  readonly n: number;
  readonly method: string;
  readonly path: string;
  /** performance.now() when it arrived. */
  readonly at: number;
  /** forwarded, or the misbehaviour it got instead. */
  readonly fate: string;
  /** The request body as text (throttled and forwarded requests): a retry carries the same one. */
  readonly body?: string;
  /** Its User-Agent header, if it had one. */
  readonly userAgent?: string;
}
