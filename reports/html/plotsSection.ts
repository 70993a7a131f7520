import type { Report } from "../Report";
import { markup, type Html } from "./Html";
import { scenarioLabel } from "./scenarioLabel";
import { classesPlot, classesTable } from "./svg/classesPlot";
import { latencyPlot } from "./svg/latencyPlot";
import { timelinePlot } from "./svg/timelinePlot";

/** The run in pictures: response times, the timeline, and the generated cases of each property. */
export function plotsSection(report: Report): Html {
  const scenarios = report.statuses.flatMap((r) => r.scenarios);
  const properties = scenarios.flatMap((s) =>
    s.property === undefined || Object.keys(s.property.classes).length === 0
      ? []
      : [{ id: s.id, classes: s.property.classes }],
  );
  const timeline = timelinePlot(
    scenarios.map((s) => ({ ...s, label: scenarioLabel(s) })),
    report.stats.samples,
    report.stats.durationMs,
  );
  const classes =
    properties.length === 0
      ? markup`<p>No generated scenario recorded classes.</p>`
      : markup`<p class="muted">The cases each generated scenario ran, by the class of input its generators drew (shrunk cases of a failure included).</p>
<div class="plots-grid">${properties.map((p, i) => classesPlot(i, p.id, p.classes))}</div>
<details class="data"><summary>Generated cases per class: the numbers</summary>${classesTable(properties)}</details>`;
  return markup`<section id="pictures" aria-labelledby="pictures-h"><h2 id="pictures-h">The run in pictures</h2>
<h3>Response time per status</h3>
${latencyPlot(report.stats.samples)}
<h3>Timeline</h3>
${timeline}
<h3>Generated cases per class</h3>
${classes}
</section>`;
}
