import type { Report } from "../Report";
import { badge } from "./badge";
import { markup, type Html } from "./Html";
import { rowLabel } from "../outcomeLabel";
import { scenarioLink } from "./scenarioLink";

/** The interop guideline (RefStack) tests this run covers, by Tempest idempotent id. */
export function interopSection(report: Report): Html {
  const rows = report.interop.map(
    (i) =>
      markup`<tr><th scope="row"><code>${i.idempotentId}</code></th><td><code>${i.test}</code></td><td>${i.scenarios.map((s, n) => markup`${n > 0 ? markup`<br>` : ""}${scenarioLink(s)}`)}</td><td>${badge(rowLabel(i.outcome))}</td></tr>`,
  );
  return markup`<section id="interop" aria-labelledby="interop-h"><h2 id="interop-h">Interop guideline tests (Tempest)</h2>
${
  rows.length === 0
    ? markup`<p>This run covers no interop guideline test.</p>`
    : markup`<p class="muted">Set these beside the same ids in a RefStack result.</p>
<table><thead><tr><th scope="col">Idempotent id</th><th scope="col">Tempest test</th><th scope="col">Scenarios</th><th scope="col">Outcome</th></tr></thead><tbody>${rows}</tbody></table>`
}
</section>`;
}
