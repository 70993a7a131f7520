import { boxStats, quantile } from "../../../../../reports/html/svg/boxStats";
import { linearTicks, logScale, logTicks, niceStep } from "../../../../../reports/html/svg/scale";

describe("plot arithmetic", () => {
  it("quantiles interpolate between ranks (type 7)", () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(boxStats([5, 1, 4, 2, 3])).toEqual({ n: 5, min: 1, p25: 2, median: 3, p75: 4, p95: 4.8, max: 5 });
  });

  it("round steps and ticks", () => {
    expect(niceStep(1900, 8)).toBe(500);
    expect(linearTicks(1900, 8)).toEqual([0, 500, 1000, 1500]);
    expect(logTicks(0.1, 100)).toEqual([0.1, 1, 10, 100]);
    expect(logTicks(1, 100)).toEqual([1, 2, 5, 10, 20, 50, 100]);
  });

  it("a log scale puts each decade at the same distance and clamps below its domain", () => {
    const x = logScale(1, 100, 0, 200);
    expect(x(10)).toBeCloseTo(100);
    expect(x(0)).toBe(0);
  });
});
