import { performance } from "node:perf_hooks";
import { Pacer } from "../../../src/http/Pacer";
import { sleep } from "../../../src/util/sleep";

// Only lower bounds on time and orderings of callbacks: a loaded machine can make a wait longer, never shorter,
// so these hold however busy it is. A timer may fire up to about 1 ms before its due time as performance.now()
// measures it, hence the slack.
const slackMs = 2;

/** Resolves to whether `p` settles before any macrotask: a wait that returned at once, without a timer (a load-proof order). */
async function settlesAtOnce(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setImmediate(r));
  const atOnce = done;
  await p;
  return atOnce;
}

/** When each of n waits started together lets its request go, in ms since `from`. */
async function startsOf(pacer: Pacer, n: number, from: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      await pacer.wait();
      return performance.now() - from;
    }),
  );
}

describe("Pacer", () => {
  test("with no rate and no throttling, a wait returns at once", async () => {
    expect(await settlesAtOnce(new Pacer(0).wait())).toBe(true);
  });

  // RFC 9110 §10.2.3: after a Retry-After the user agent ought to wait; a run's workers share one pacer, so the
  // hold stops every request of the run, not only the one that was answered 429/503.
  test("a throttling answer holds every request of the run until its Retry-After has passed", async () => {
    const pacer = new Pacer(0);
    const t0 = performance.now();
    pacer.throttled(300);
    const starts = await startsOf(pacer, 4, t0);
    for (const s of starts) expect(s).toBeGreaterThanOrEqual(300 - slackMs);
  });

  test("a shorter Retry-After that follows does not shorten the hold", async () => {
    const pacer = new Pacer(0);
    const t0 = performance.now();
    pacer.throttled(300);
    pacer.throttled(10);
    const [first] = await startsOf(pacer, 1, t0);
    expect(first).toBeGreaterThanOrEqual(300 - slackMs);
  });

  test("each throttling answer doubles the spacing of later requests (from 50 ms), successes shrink it to none", async () => {
    const pacer = new Pacer(0);
    pacer.throttled(0);
    const t0 = performance.now();
    // Three waits started together are let go one after another: the k-th no sooner than k × 50 ms.
    const once = (await startsOf(pacer, 3, t0)).sort((a, b) => a - b);
    once.forEach((s, k) => {
      expect(s).toBeGreaterThanOrEqual(k * 50 - slackMs);
    });

    await sleep(60); // past the turn booked after the third (150 ms)
    pacer.throttled(0);
    const t1 = performance.now();
    const twice = (await startsOf(pacer, 3, t1)).sort((a, b) => a - b);
    twice.forEach((s, k) => {
      expect(s).toBeGreaterThanOrEqual(k * 100 - slackMs);
    });

    // 100 ms × 0.9^k falls below 1 ms after 44 successes; the 45th clears it, and with no rate a wait is free again.
    for (let k = 0; k < 45; k += 1) pacer.succeeded();
    expect(await settlesAtOnce(pacer.wait())).toBe(true);
  });

  test("a burst lets its n requests go together and makes the next one wait as long as n paced ones", async () => {
    const pacer = new Pacer(100);
    const t0 = performance.now();
    await pacer.wait(); // goes at once and books the next turn 100 ms later: the burst's
    await pacer.burst(4);
    for (let k = 0; k < 4; k += 1) expect(await settlesAtOnce(pacer.wait())).toBe(true);
    // The burst's turn is at 100 ms or later, and it counts 4 intervals: the next request goes at 500 ms or later.
    const [after] = await startsOf(pacer, 1, t0);
    expect(after).toBeGreaterThanOrEqual(500 - slackMs);
  });

  test("the starts a burst did not use are dropped when it ends", async () => {
    const pacer = new Pacer(100);
    const t0 = performance.now();
    await pacer.burst(3); // its turn at once; the next request's at 300 ms or later
    await pacer.wait();
    pacer.endBurst();
    const [next] = await startsOf(pacer, 1, t0);
    expect(next).toBeGreaterThanOrEqual(300 - slackMs);
  });
});
