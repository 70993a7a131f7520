import type { Report, StatusRow } from "../Report";
import { badge } from "./badge";
import { markup, type Html } from "./Html";
import { rowLabel } from "../outcomeLabel";
import { labelClass } from "./palette";
import { statusAnchor } from "./scenarioLabel";

function row(r: StatusRow): Html {
  const label = rowLabel(r.outcome);
  const passed = r.scenarios.filter((s) => s.outcome === "pass").length;
  return markup`<tr class="edge-${labelClass(label)}" data-status="${r.status}"><th scope="row"><a href="#${statusAnchor(r.status)}">${r.status}</a></th><td>${r.description}</td><td>${badge(label)}</td><td class="num">${passed}/${r.scenarios.length}</td><td>${r.reason ?? ""}</td></tr>`;
}

/** A row for every documented status: its outcome, how many of its scenarios passed, and a link to them. */
export function statusTable(report: Report): Html {
  return markup`<section id="statuses" aria-labelledby="statuses-h"><h2 id="statuses-h">Documented statuses</h2>
<table class="statuses">
<caption class="muted">Every status the profile documents for DELETE /v2/images/{image_id}/tags/{tag}, with the outcome of its scenarios.</caption>
<thead><tr><th scope="col">Status</th><th scope="col">Description</th><th scope="col">Outcome</th><th scope="col" class="num">Scenarios passed</th><th scope="col">Note</th></tr></thead>
<tbody>
${report.statuses.map(row)}
</tbody>
</table>
</section>`;
}
