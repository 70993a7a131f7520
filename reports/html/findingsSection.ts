import type { Report } from "../Report";
import { badge } from "./badge";
import { checksTable } from "./checksTable";
import { exchangesBlock } from "./exchangeView";
import { markup, type Html } from "./Html";
import { scenarioLink } from "./scenarioLink";

/**
 * What decides nothing but is worth telling the cloud's owner: failed extended-tier scenarios and the run's
 * findings; and the rules broken outside every scenario, which do decide the verdict.
 */
export function findingsSection(report: Report): Html {
  const extended = report.statuses.flatMap((r) =>
    r.scenarios.filter((s) => s.tier === "extended" && s.outcome === "fail"),
  );
  const none = extended.length === 0 && report.findings.length === 0;
  const items = extended.map(
    (s) => markup`<li>${badge("FINDING")} ${scenarioLink(s.id)} ${s.title}: ${s.reason ?? s.observed}</li>`,
  );
  const findings = report.findings.map(
    (
      f,
    ) => markup`<div class="finding"><h3>${badge("FINDING")} ${f.title} <span class="meta"><code>${f.id}</code></span></h3>
<p>${f.detail}${f.scenario === undefined ? "" : markup` (seen by ${scenarioLink(f.scenario)})`}</p>
${exchangesBlock(f.exchanges, false)}</div>`,
  );
  const breaches =
    report.breaches.length === 0
      ? ""
      : markup`<h3>${badge("FAIL")} Rules broken outside every scenario</h3>
<p>Requests outside every scenario (such as cleanup) broke rules no tier excuses: these fail the verdict.</p>
${checksTable(report.breaches, "Broken rules outside every scenario")}`;
  return markup`<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">Findings</h2>
<p>${none ? "None: no extended-tier scenario failed and the run noted nothing else." : "Reported for the cloud's owner; they do not decide the verdict."}</p>
${extended.length === 0 ? "" : markup`<ul class="findings">${items}</ul>`}
${findings}
${breaches}
</section>`;
}
