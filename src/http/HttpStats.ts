/** One request as the run's timeline records it: when it started (ms after the run began), how long, what status. */
export interface RequestSample {
  readonly t: number;
  readonly ms: number;
  readonly status: number;
  readonly op: string;
}

/** What the run asked of the target: counts and the time spent waiting for answers. */
export interface HttpStats {
  requests: number;
  /** Time during which at least one request was waiting on the target (parallel requests counted once). */
  waitMs: number;
  byStatus: Record<string, number>;
  /** Sequence numbers of the exchanges that got a 5xx. */
  serverErrors: number[];
  /** Every request, in the order sent: the report's timeline and latency figures come from these. */
  samples: RequestSample[];
  /** Throttling answers (429, or 503 with Retry-After) retried after waiting, and the time waited. */
  throttled: { retries: number; waitMs: number };
  /**
   * Requests sent a second time on a new connection, because the kept-alive one they went out on was closed
   * before any answer (not counted in `requests`, which counts answers). Absent in reports before it existed.
   */
  resent?: number;
}

export function emptyStats(): HttpStats {
  return {
    requests: 0,
    waitMs: 0,
    byStatus: {},
    serverErrors: [],
    samples: [],
    throttled: { retries: 0, waitMs: 0 },
    resent: 0,
  };
}
