import type { RequestSample } from "../../../src/http/HttpStats";
import { formatCount, formatMs } from "../format";
import { markup, type Html } from "../Html";
import type { OutcomeLabel } from "../../outcomeLabel";
import { outcomeColours, statusClassColours } from "../palette";
import { plotFigure } from "./plotFigure";
import { requestBins, statusClasses, type BinCounts } from "./requestBins";
import { linearScale, linearTicks, px } from "./scale";

export interface TimelineScenario {
  readonly id: string;
  readonly label: OutcomeLabel;
  readonly startedMs: number;
  readonly durationMs: number;
  readonly requests: number;
}

const width = 1000;
const left = 290;
const right = 16;
const stripTop = 44;
const stripHeight = 56;
const laneHeight = 14;
const bins = 120;
const maxLabel = 44;
const labels: readonly OutcomeLabel[] = ["PASS", "FAIL", "FLAGGED", "FINDING", "NOT EXERCISED"];

const total = (c: BinCounts): number => statusClasses.reduce((n, k) => n + c[k], 0);

function legendRow(title: string, items: readonly (readonly [string, string])[], y: number): Html {
  let x = 80;
  const out: Html[] = [];
  for (const [word, colour] of items) {
    out.push(
      markup`<rect x="${px(x)}" y="${y - 9}" width="10" height="10" fill="${colour}"/><text x="${px(x + 14)}" y="${y}">${word}</text>`,
    );
    x += 26 + word.length * 6.6;
  }
  return markup`<text x="72" y="${y}" text-anchor="end" fill="#57606a">${title}</text>${out}`;
}

function strip(counts: readonly BinCounts[], x: (ms: number) => number, binMs: number): Html {
  const busiest = Math.max(1, ...counts.map(total));
  const h = linearScale(0, busiest, 0, stripHeight);
  const w = px(Math.max(x(binMs) - x(0) - 0.6, 0.8));
  const rects: Html[] = [];
  counts.forEach((c, i) => {
    let y = stripTop + stripHeight;
    for (const k of statusClasses) {
      if (c[k] === 0) continue;
      // A single request (one 5xx among hundreds) stays visible.
      const height = Math.max(h(c[k]), 1.5);
      y -= height;
      rects.push(
        markup`<rect x="${px(x(i * binMs))}" y="${px(y)}" width="${w}" height="${px(height)}" fill="${statusClassColours[k]}"/>`,
      );
    }
  });
  const base = stripTop + stripHeight;
  return markup`<text x="${left - 8}" y="${stripTop + stripHeight / 2}" text-anchor="end">requests started</text>
<text x="${left - 8}" y="${stripTop + stripHeight / 2 + 13}" text-anchor="end" fill="#57606a">per ${formatMs(binMs)} (at most ${busiest})</text>
<line x1="${left}" x2="${width - right}" y1="${base}" y2="${base}" stroke="#8c959f"/>${rects}`;
}

function lane(s: TimelineScenario, y: number, x: (ms: number) => number): Html {
  const shown = s.id.length > maxLabel ? `${s.id.slice(0, maxLabel - 1)}…` : s.id;
  const x0 = x(s.startedMs);
  const w = px(Math.max(x(s.startedMs + s.durationMs) - x0, 2));
  return markup`<g><title>${s.id}: ${s.label}, started at ${formatMs(s.startedMs)}, took ${formatMs(s.durationMs)}, ${formatCount(s.requests)} requests</title><text x="${left - 8}" y="${y + 10}" text-anchor="end">${shown}</text><rect x="${px(x0)}" y="${y + 2}" width="${w}" height="${laneHeight - 4}" fill="${outcomeColours[s.label].ink}"/></g>`;
}

function dataTable(lanes: readonly TimelineScenario[]): Html {
  const rows = lanes.map(
    (s) =>
      markup`<tr><th scope="row"><code>${s.id}</code></th><td>${s.label}</td><td class="num">${formatMs(s.startedMs)}</td><td class="num">${formatMs(s.durationMs)}</td><td class="num">${formatCount(s.requests)}</td></tr>`,
  );
  return markup`<table class="numbers"><thead><tr><th scope="col">Scenario</th><th scope="col">Outcome</th><th scope="col" class="num">Started</th><th scope="col" class="num">Took</th><th scope="col" class="num">Requests</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The run over time: requests started per time bin by status class, and each scenario as a bar by outcome. */
export function timelinePlot(
  scenarios: readonly TimelineScenario[],
  samples: readonly RequestSample[],
  durationMs: number,
): Html {
  const span = [
    ...scenarios.map((s) => s.startedMs + s.durationMs),
    ...samples.map((s) => s.t + s.ms),
  ].reduce((a, b) => Math.max(a, b), Math.max(1, durationMs));
  const x = linearScale(0, span, left, width - right);
  const { binMs, counts } = requestBins(samples, span, bins);
  const lanes = [...scenarios].sort((a, b) => a.startedMs - b.startedMs);
  const lanesTop = stripTop + stripHeight + 10;
  const axisY = lanesTop + lanes.length * laneHeight + 4;
  const ticks = linearTicks(span, 8).map((t) => {
    const at = px(x(t));
    return markup`<line x1="${at}" x2="${at}" y1="${stripTop}" y2="${axisY}" stroke="#d0d7de"/><text x="${at}" y="${axisY + 14}" text-anchor="middle" fill="#57606a">${formatMs(t)}</text>`;
  });
  const legend = markup`${legendRow(
    "requests",
    statusClasses.map((c) => [c, statusClassColours[c]] as const),
    12,
  )}${legendRow(
    "scenarios",
    labels
      .filter((l) => scenarios.some((s) => s.label === l))
      .map((l) => [l, outcomeColours[l].ink] as const),
    28,
  )}`;
  const busiest = counts.reduce((best, c, i) => (total(c) > best.n ? { n: total(c), i } : best), {
    n: 0,
    i: 0,
  });
  const byClass = statusClasses
    .map((k) => [k, counts.reduce((n, c) => n + c[k], 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${formatCount(n)} ${k}`);
  return plotFigure({
    id: "plot-timeline",
    title: "Timeline of the run",
    summary: `${scenarios.length} scenarios and ${formatCount(samples.length)} requests (${byClass.join(", ") || "none"}) over ${formatMs(span)}; the busiest ${formatMs(binMs)} started ${busiest.n} requests, at ${formatMs(busiest.i * binMs)}.`,
    width,
    height: axisY + 40,
    body: markup`${legend}${ticks}${strip(counts, x, binMs)}${lanes.map((s, i) => lane(s, lanesTop + i * laneHeight, x))}
<text x="${(left + width - right) / 2}" y="${axisY + 30}" text-anchor="middle" fill="#57606a">time since the run started</text>`,
    data: dataTable(lanes),
  });
}
