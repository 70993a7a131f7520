import type { Report, StatusRow } from "../Report";
import { badge } from "./badge";
import { markup, type Html } from "./Html";
import { rowLabel } from "../outcomeLabel";
import { labelClass } from "./palette";
import { scenarioDetails } from "./scenarioDetails";
import { statusAnchor } from "./scenarioLabel";

function statusDetails(r: StatusRow): Html {
  const label = rowLabel(r.outcome);
  const passed = r.scenarios.filter((s) => s.outcome === "pass").length;
  return markup`<details class="status edge-${labelClass(label)}" data-status="${r.status}"${r.outcome === "fail" ? markup` open` : ""}>
<summary><h3>${badge(label)} ${r.status} ${r.description}</h3> <span class="meta">· ${passed}/${r.scenarios.length} scenarios passed</span></summary>
<div class="body" id="${statusAnchor(r.status)}">
${r.reason === undefined ? "" : markup`<p>${r.reason}</p>`}
${r.scenarios.length === 0 ? markup`<p class="muted">No scenario.</p>` : r.scenarios.map(scenarioDetails)}
</div>
</details>`;
}

/** Every documented status, collapsible onto its scenarios; a failed status starts open. */
export function scenariosSection(report: Report): Html {
  return markup`<section id="scenarios" aria-labelledby="scenarios-h"><h2 id="scenarios-h">Scenarios by status</h2>
<p class="muted">Each status opens onto its scenarios; each scenario onto its checks and the exchanges that prove them.</p>
${report.statuses.map(statusDetails)}
</section>`;
}
