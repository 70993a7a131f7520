import type { RequestSample } from "../../../src/http/HttpStats";
import { formatCount, formatMs } from "../format";
import { markup, type Html } from "../Html";
import { statusClassColours, statusClassOf } from "../palette";
import { boxStats, type BoxStats } from "./boxStats";
import { plotFigure } from "./plotFigure";
import { decadeAbove, decadeBelow, logScale, logTicks, px } from "./scale";

const width = 760;
const left = 110;
const right = 90;
const top = 10;
const rowHeight = 30;
const axisHeight = 34;
/** Shorter durations are drawn at this floor: a log axis has no zero. */
const floorMs = 0.1;

type StatusBox = BoxStats & { readonly status: number };

/** Box statistics of the response times, per HTTP status, ascending. */
export function latencyByStatus(samples: readonly RequestSample[]): readonly StatusBox[] {
  const groups = new Map<number, number[]>();
  for (const s of samples) {
    const list = groups.get(s.status) ?? [];
    list.push(s.ms);
    groups.set(s.status, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([status, ms]) => ({ status, ...boxStats(ms) }));
}

function row(b: StatusBox, y: number, x: (ms: number) => number): Html {
  const colour = statusClassColours[statusClassOf(b.status)];
  const mid = y + rowHeight / 2;
  const [x0, x25, x50, x75, x100] = [px(x(b.min)), px(x(b.p25)), px(x(b.median)), px(x(b.p75)), px(x(b.max))];
  return markup`<g><title>${b.status}: ${formatCount(b.n)} requests, median ${formatMs(b.median)}, from ${formatMs(b.min)} to ${formatMs(b.max)}</title>
<text x="${left - 10}" y="${mid + 4}" text-anchor="end" font-weight="bold" font-size="13">${b.status}</text>
<text x="${left - 48}" y="${mid + 4}" text-anchor="end" fill="#57606a">n=${formatCount(b.n)}</text>
<line x1="${x0}" x2="${x100}" y1="${mid}" y2="${mid}" stroke="${colour}" stroke-width="1.5"/>
<line x1="${x0}" x2="${x0}" y1="${mid - 6}" y2="${mid + 6}" stroke="${colour}"/>
<line x1="${x100}" x2="${x100}" y1="${mid - 6}" y2="${mid + 6}" stroke="${colour}"/>
<rect x="${x25}" y="${y + 6}" width="${px(Math.max(x75 - x25, 1))}" height="${rowHeight - 12}" fill="${colour}" fill-opacity="0.25" stroke="${colour}"/>
<line x1="${x50}" x2="${x50}" y1="${y + 4}" y2="${y + rowHeight - 4}" stroke="${colour}" stroke-width="3"/>
<text x="${width - right + 8}" y="${mid + 4}">${formatMs(b.median)}</text></g>`;
}

function dataTable(stats: readonly StatusBox[]): Html {
  const head = ["Status", "Requests", "Fastest", "25th pct.", "Median", "75th pct.", "95th pct.", "Slowest"];
  const rows = stats.map(
    (b) =>
      markup`<tr><th scope="row">${b.status}</th><td class="num">${formatCount(b.n)}</td>${[b.min, b.p25, b.median, b.p75, b.p95, b.max].map((v) => markup`<td class="num">${formatMs(v)}</td>`)}</tr>`,
  );
  return markup`<table class="numbers"><thead><tr>${head.map((h) => markup`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table>`;
}

function axis(ticks: readonly number[], x: (ms: number) => number, bottom: number): Html {
  const lines = ticks.map((t) => {
    const at = px(x(t));
    const dash = Number.isInteger(Math.log10(t)) ? "" : markup` stroke-dasharray="2 3"`;
    return markup`<line x1="${at}" x2="${at}" y1="${top}" y2="${bottom}" stroke="#d0d7de"${dash}/><text x="${at}" y="${bottom + 14}" text-anchor="middle" fill="#57606a">${formatMs(t)}</text>`;
  });
  return markup`${lines}
<text x="${(left + width - right) / 2}" y="${bottom + 30}" text-anchor="middle" fill="#57606a">response time (logarithmic); box: middle half of the requests, thick bar: median, line: fastest to slowest</text>
<text x="${width - right + 8}" y="${top - 1}" fill="#57606a" font-size="10">median</text>`;
}

/** The target's response time per HTTP status, as box plots on a logarithmic axis, from every request of the run. */
export function latencyPlot(samples: readonly RequestSample[]): Html {
  const stats = latencyByStatus(samples);
  if (stats.length === 0)
    return markup`<p>No request of this run was answered: there is no response time to show.</p>`;
  const lo = decadeBelow(Math.max(floorMs, Math.min(...stats.map((s) => s.min))));
  const hi = Math.max(decadeAbove(Math.max(...stats.map((s) => s.max))), lo * 10);
  const x = logScale(lo, hi, left, width - right);
  const bottom = top + stats.length * rowHeight;
  const all = boxStats(samples.map((s) => s.ms));
  const slowest = stats.reduce((a, b) => (b.max > a.max ? b : a));
  return plotFigure({
    id: "plot-latency",
    title: "Response time per status",
    summary: `${formatCount(all.n)} requests answered with ${stats.length} statuses (${stats.map((s) => s.status).join(", ")}); median ${formatMs(all.median)}, 95th percentile ${formatMs(all.p95)}, slowest ${formatMs(slowest.max)} (a ${slowest.status}).`,
    width,
    height: bottom + axisHeight + 4,
    body: markup`${axis(logTicks(lo, hi), x, bottom)}${stats.map((s, i) => row(s, top + i * rowHeight, x))}`,
    data: dataTable(stats),
  });
}
