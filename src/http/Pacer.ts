import { performance } from "node:perf_hooks";
import { sleep } from "../util/sleep";

/**
 * Spaces the starts of requests: at most --rate per second, shared by every worker, plus a penalty that
 * throttling answers double (up to 2 s) and successful answers shrink again. A Retry-After holds every
 * request of the run, not only the one retried (RFC 9110 §10.2.3: the user agent ought to wait).
 */
export class Pacer {
  private next = 0;
  private penaltyMs = 0;
  private heldUntil = 0;

  constructor(private readonly baseIntervalMs: number) {}

  async wait(signal?: AbortSignal): Promise<void> {
    const interval = this.baseIntervalMs + this.penaltyMs;
    const now = performance.now();
    if (interval <= 0 && this.heldUntil <= now) return;
    const start = Math.max(now, this.next, this.heldUntil);
    this.next = start + interval;
    if (start > now) await sleep(start - now, signal);
  }

  /** A throttling answer asked to wait waitMs: no request of the run starts before then, and the pace slows. */
  throttled(waitMs: number): void {
    this.heldUntil = Math.max(this.heldUntil, performance.now() + waitMs);
    this.penaltyMs = Math.min(2000, Math.max(50, this.penaltyMs * 2));
  }

  succeeded(): void {
    if (this.penaltyMs > 0) this.penaltyMs = this.penaltyMs < 1 ? 0 : this.penaltyMs * 0.9;
  }
}
