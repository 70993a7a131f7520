import { profileLabel } from "../profileLabel";
import type { Report } from "../Report";
import { badge } from "./badge";
import { markup, type Html } from "./Html";
import type { OutcomeLabel } from "../outcomeLabel";
import { scenarioLabel } from "./scenarioLabel";

const order: readonly OutcomeLabel[] = ["PASS", "FAIL", "FLAGGED", "FINDING", "NOT EXERCISED"];

/** Who and what was certified, in one line ("" when the run named no product). */
export function productLine(report: Report): string {
  const p = report.product;
  const name = [p?.name, p?.version].filter((s) => s !== undefined && s !== "").join(" ");
  const vendor = p?.vendor === undefined || p.vendor === "" ? "" : ` by ${p.vendor}`;
  return name === "" && vendor === "" ? "" : `${name === "" ? "a product" : name}${vendor}`;
}

/** The verdict in words and colour, the exit code, the rule that decided it, and the scenarios by outcome. */
export function verdictBanner(report: Report): Html {
  const scenarios = report.statuses.flatMap((r) => r.scenarios);
  const counts = order
    .map((l) => [l, scenarios.filter((s) => scenarioLabel(s) === l).length] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => markup`<span>${badge(l)} ${n}</span>`);
  const product = productLine(report);
  const t = report.target;
  const target = t.kind === "embedded" ? `embedded reference (${t.url})` : t.url;
  const aborted = report.aborted;
  return markup`<header class="banner v-${report.verdict}">
<div class="wrap">
<h1>Image tag conformance report <span class="verdict">${report.verdict.toUpperCase()}<span class="exit">exit code ${report.exitCode}</span></span></h1>
<p><strong>Decided by the rule:</strong> ${report.verdictRule}.</p>
<p>${product === "" ? "" : markup`<strong>${product}</strong> · `}profile <strong>${profileLabel(report)}</strong> · target <code>${target}</code> · suite ${report.suiteVersion} · run <code>${report.runId}</code></p>
<p class="counts" aria-label="Scenarios by outcome">${counts}<span class="muted">of ${scenarios.length} scenarios</span></p>
${aborted === undefined ? "" : markup`<p class="notice"><strong>Aborted (${aborted.kind}):</strong> ${aborted.message}</p>`}
${report.partial === undefined ? "" : markup`<p class="notice"><strong>Partial run:</strong> ${report.partial}</p>`}
</div>
</header>`;
}
