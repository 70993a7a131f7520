/** What the run asked of the target: counts and the time spent waiting for answers. */
export interface HttpStats {
  requests: number;
  waitMs: number;
  byStatus: Record<string, number>;
  /** Sequence numbers of the exchanges that got a 5xx. */
  serverErrors: number[];
}

export function emptyStats(): HttpStats {
  return { requests: 0, waitMs: 0, byStatus: {}, serverErrors: [] };
}
