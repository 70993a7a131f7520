import type { RequestSample } from "../../../../../src/http/HttpStats";
import { classesPlot } from "../../../../../reports/html/svg/classesPlot";
import { latencyByStatus, latencyPlot } from "../../../../../reports/html/svg/latencyPlot";
import { requestBins } from "../../../../../reports/html/svg/requestBins";
import { timelinePlot } from "../../../../../reports/html/svg/timelinePlot";

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

function samples(n: number): RequestSample[] {
  return Array.from({ length: n }, (_, i) => ({
    t: i,
    ms: 1 + (i % 7),
    status: i % 100 === 99 ? 503 : i % 3 === 0 ? 404 : 204,
    op: "deleteImageTag",
  }));
}

describe("latency plot", () => {
  it("groups response times per status, ascending", () => {
    const stats = latencyByStatus([
      { t: 0, ms: 4, status: 404, op: "x" },
      { t: 1, ms: 1, status: 204, op: "x" },
      { t: 2, ms: 3, status: 204, op: "x" },
    ]);
    expect(stats.map((s) => [s.status, s.n, s.median])).toEqual([
      [204, 2, 2],
      [404, 1, 4],
    ]);
  });

  it("draws one box per status, with a title, a description and the numbers as a table", () => {
    const svg = latencyPlot(samples(300)).markup;
    expect(count(svg, /<rect /g)).toBe(3);
    expect(svg).toMatch(
      /<svg [^>]*role="img" aria-labelledby="plot-latency-t" aria-describedby="plot-latency-d"/,
    );
    expect(svg).toContain('<title id="plot-latency-t">Response time per status</title>');
    expect(svg).toMatch(/<desc id="plot-latency-d">300 requests answered with 3 statuses \(204, 404, 503\)/);
    expect(count(svg, /<tr><th scope="row">/g)).toBe(3);
  });

  it("says so when no request was answered", () => {
    expect(latencyPlot([]).markup).toMatch(/No request of this run was answered/);
  });
});

describe("timeline", () => {
  it("counts every request in one time bin by status class", () => {
    const { counts, binMs } = requestBins(samples(1000), 1000, 10);
    expect(binMs).toBe(100);
    expect(counts).toHaveLength(10);
    const sum = counts.reduce((n, c) => n + c["2xx"] + c["3xx"] + c["4xx"] + c["5xx"] + c.other, 0);
    expect(sum).toBe(1000);
    expect(counts.reduce((n, c) => n + c["5xx"], 0)).toBe(10);
  });

  it("stays small however many requests: bins, not one element per request", () => {
    const scenarios = [
      { id: "a", label: "PASS" as const, startedMs: 0, durationMs: 10, requests: 5 },
      { id: "b", label: "FAIL" as const, startedMs: 10, durationMs: 50000, requests: 50000 },
    ];
    const svg = timelinePlot(scenarios, samples(50000), 50000).markup;
    // 120 bins × at most 5 status classes, 2 scenario bars, 5 + 2 legend swatches.
    expect(count(svg, /<rect /g)).toBeLessThanOrEqual(120 * 5 + 2 + 7);
    expect(svg.length).toBeLessThan(120000);
    expect(svg).toContain("<title>b: FAIL, started at 10 ms, took 50 s, 50,000 requests</title>");
    expect(svg).toMatch(/2 scenarios and 50,000 requests/);
  });
});

describe("classes plot", () => {
  it("draws a bar per class, largest first, and describes them in words", () => {
    const svg = classesPlot(0, "404-prop-missing-image", {
      short: 4,
      "missing-uuid-v4": 26,
      braces: 7,
    }).markup;
    expect(count(svg, /<rect /g)).toBe(3);
    expect(svg.indexOf(">missing-uuid-v4<")).toBeLessThan(svg.indexOf(">braces<"));
    expect(svg).toContain(
      "37 generated cases of 404-prop-missing-image in 3 classes: missing-uuid-v4 26, braces 7, short 4.",
    );
  });
});
