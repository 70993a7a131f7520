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
  /** Starts already paid for by a burst: the next waits return at once. */
  private prepaid = 0;

  constructor(private readonly baseIntervalMs: number) {}

  async wait(signal?: AbortSignal): Promise<void> {
    if (this.prepaid > 0) {
      this.prepaid -= 1;
      return;
    }
    const interval = this.baseIntervalMs + this.penaltyMs;
    const now = performance.now();
    if (interval <= 0 && this.heldUntil <= now) return;
    const start = Math.max(now, this.next, this.heldUntil);
    this.next = start + interval;
    if (start > now) await sleep(start - now, signal);
  }

  /**
   * Lets n requests start together (the concurrency tier's parallel deletes, which pacing must not spread out):
   * waits for the first one's turn, then counts all n against the rate, so the request after them waits for
   * as long as n paced ones would have taken. The n waits that follow return at once; end() drops those unused.
   */
  async burst(n: number, signal?: AbortSignal): Promise<void> {
    await this.wait(signal);
    const interval = this.baseIntervalMs + this.penaltyMs;
    if (interval > 0) this.next += (n - 1) * interval;
    this.prepaid = n;
  }

  /** Ends a burst: starts it paid for and did not use are not kept for other requests. */
  endBurst(): void {
    this.prepaid = 0;
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
