import { performance } from "node:perf_hooks";
import { sleep } from "../util/sleep";

/**
 * Spaces the starts of requests: at most --rate per second, shared by every worker, plus a penalty that
 * throttling answers double (up to 2 s) and successful answers shrink again.
 */
export class Pacer {
  private next = 0;
  private penaltyMs = 0;

  constructor(private readonly baseIntervalMs: number) {}

  async wait(signal?: AbortSignal): Promise<void> {
    const interval = this.baseIntervalMs + this.penaltyMs;
    if (interval <= 0) return;
    const now = performance.now();
    const start = Math.max(now, this.next);
    this.next = start + interval;
    if (start > now) await sleep(start - now, signal);
  }

  throttled(): void {
    this.penaltyMs = Math.min(2000, Math.max(50, this.penaltyMs * 2));
  }

  succeeded(): void {
    if (this.penaltyMs > 0) this.penaltyMs = this.penaltyMs < 1 ? 0 : this.penaltyMs * 0.9;
  }
}
