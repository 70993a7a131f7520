import { profileLabel } from "../profileLabel";
import type { Report } from "../Report";
import { formatCount, formatMs } from "./format";
import { markup, type Html } from "./Html";

function fact(term: string, value: Html | string): Html {
  return markup`<dt>${term}</dt><dd>${value}</dd>`;
}

function settingsText(report: Report): string {
  const s = report.settings;
  return [
    `${s.runs} cases per property`,
    `concurrency ${s.concurrency}`,
    s.timeBudgetMs === null ? "no time budget" : `time budget ${formatMs(s.timeBudgetMs)} per property`,
    s.lenient ? "lenient (a 404 for a tag outside the alphabet is a deviation)" : "not lenient",
    s.strict ? "strict (flagged rules required)" : "not strict (flagged rules reported only)",
    ...(s.only === undefined ? [] : [`only ${s.only.join(", ")}`]),
  ].join(" · ");
}

function productFacts(report: Report): Html {
  const p = report.product;
  const notGiven = markup`<span class="muted">not given</span>`;
  if (p === undefined)
    return markup`<span class="muted">not given (--product-name, --product-version, --vendor)</span>`;
  return markup`${p.name ?? notGiven} · version ${p.version ?? notGiven} · vendor ${p.vendor ?? notGiven}`;
}

/** What was run, against what, with which settings, and how to run it again. */
export function runSection(report: Report): Html {
  const t = report.target;
  const fives = report.stats.serverErrors;
  const requests = `${formatCount(report.stats.requests)}, ${formatMs(report.stats.waitMs)} waiting on the target; ${fives.length === 0 ? "no 5xx answer" : `${fives.length} 5xx answers (exchanges ${fives.join(", ")})`}`;
  const versions = t.versions === undefined ? "none" : JSON.stringify(t.versions, null, 2);
  return markup`<section id="run" aria-labelledby="run-h"><h2 id="run-h">The run</h2>
<dl class="facts">
${fact("Product", productFacts(report))}
${fact("Profile", markup`<strong>${profileLabel(report)}</strong>: ${report.profileTitle} (<code>${report.profileSource}</code>)`)}
${fact("Profile sha256", markup`<code>${report.openapiSha256}</code>`)}
${fact("Target", markup`${t.kind === "embedded" ? "embedded reference implementation" : "live deployment"} <code>${t.url}</code>${t.keystone === undefined ? "" : markup` · Keystone <code>${t.keystone}</code>`}`)}
${fact("Suite", `image-tag-conformance ${report.suiteVersion} (report format ${report.reportVersion})`)}
${fact("Run id", markup`<code>${report.runId}</code>`)}
${fact("Seed", markup`<code>${report.seed}</code>`)}
${fact("Time", `${report.startedAt} → ${report.finishedAt} (${formatMs(report.stats.durationMs)})`)}
${fact("Requests", requests)}
${fact("Settings", settingsText(report))}
${fact("Reproduce", markup`<pre><code>${report.command}</code></pre>`)}
</dl>
<details class="data"><summary>The target's version document</summary><pre>${versions}</pre></details>
</section>`;
}
