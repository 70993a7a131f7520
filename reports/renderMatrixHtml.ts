import { profileLabel } from "./profileLabel";
import type { Report, StatusRow } from "./Report";
import { badge } from "./html/badge";
import { markup, type Html } from "./html/Html";
import { rowLabel } from "./outcomeLabel";
import { page } from "./html/page";
import { productLine } from "./html/verdictBanner";
import { verdictBadge } from "./html/verdictBadge";

/** What a column is called: the product when the run named it, otherwise the target's URL. */
function targetName(r: Report): string {
  const product = productLine(r);
  if (product !== "") return product;
  return r.target.kind === "embedded" ? "embedded reference" : r.target.url;
}

function cell(row: StatusRow | undefined): Html {
  if (row === undefined) return markup`<td><span class="muted">not documented by this profile</span></td>`;
  const passed = row.scenarios.filter((s) => s.outcome === "pass").length;
  return markup`<td>${badge(rowLabel(row.outcome))} <span class="meta">${passed}/${row.scenarios.length}</span></td>`;
}

function matrix(reports: readonly Report[]): Html {
  const statuses = [...new Set(reports.flatMap((r) => r.statuses.map((s) => s.status)))].sort(
    (a, b) => a - b,
  );
  const description = (status: number): string =>
    reports.flatMap((r) => r.statuses).find((s) => s.status === status)?.description ?? "";
  const heads = reports.map(
    (r) =>
      markup`<th scope="col"><span class="target">${targetName(r)}</span><br>${verdictBadge(r.verdict)} <span class="meta">exit ${r.exitCode}</span><br><span class="meta">profile ${profileLabel(r)} · run <code>${r.runId}</code></span></th>`,
  );
  const rows = statuses.map(
    (status) =>
      markup`<tr data-status="${status}"><th scope="row">${status} <span class="meta">${description(status)}</span></th>${reports.map((r) => cell(r.statuses.find((s) => s.status === status)))}</tr>`,
  );
  return markup`<table class="matrix">
<caption class="muted">Outcome of every documented status of DELETE /v2/images/{image_id}/tags/{tag}, per target; the number is scenarios passed of scenarios run.</caption>
<thead><tr><th scope="col">Status</th>${heads}</tr></thead>
<tbody>${rows}</tbody></table>`;
}

function runs(reports: readonly Report[]): Html {
  const rows = reports.map(
    (r) =>
      markup`<tr><th scope="row">${targetName(r)}<br><code class="meta">${r.target.url}</code></th><td>${verdictBadge(r.verdict)}</td><td>${r.verdictRule}</td><td><code>${r.openapiSha256}</code></td><td>${r.suiteVersion}</td><td>${r.startedAt}</td></tr>`,
  );
  return markup`<h2>The runs</h2>
<table><thead><tr><th scope="col">Target</th><th scope="col">Verdict</th><th scope="col">Decided by</th><th scope="col">Profile sha256</th><th scope="col">Suite</th><th scope="col">Started</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * Several targets' reports as one page: a row for every documented status, a column for every target, the
 * outcome in each cell (word and colour) and each target's verdict in its column's header.
 */
export function renderMatrixHtml(reports: readonly Report[]): string {
  const n = `${reports.length} ${reports.length === 1 ? "target" : "targets"}`;
  const body = markup`<main class="wrap">
<h1>Image tag conformance: ${n}</h1>
${reports.length === 0 ? markup`<p>No report was given.</p>` : markup`${matrix(reports)}${runs(reports)}`}
<footer><p>Each column comes from one target's report.json; its own report.html holds the evidence.</p></footer>
</main>`;
  return page(`Image tag conformance matrix: ${n}`, body);
}
