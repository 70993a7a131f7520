import { profileLabel } from "./profileLabel";
import type { Report, StatusRow } from "./Report";
import { badge } from "./html/badge";
import { markup, type Html } from "./html/Html";
import { flagLabel, rowLabel } from "./outcomeLabel";
import { page } from "./html/page";
import { verdictBadge } from "./html/verdictBadge";
import { outcomeOfRow, targetLabels } from "./compare/mergeReports";
import { embeddedNote } from "./compare/renderMatrixMarkdown";

function cell(row: StatusRow | undefined): Html {
  if (row === undefined) return markup`<td><span class="muted">not documented by this profile</span></td>`;
  const passed = row.scenarios.filter((s) => s.outcome === "pass").length;
  return markup`<td>${badge(rowLabel(outcomeOfRow(row)))} <span class="meta">${passed}/${row.scenarios.length}</span></td>`;
}

function heads(reports: readonly Report[], names: readonly string[]): Html[] {
  return reports.map(
    (r, i) =>
      markup`<th scope="col"><span class="target">${names[i] ?? ""}</span><br>${verdictBadge(r.verdict)} <span class="meta">exit ${r.exitCode}</span><br><span class="meta">profile ${profileLabel(r)} · run <code>${r.runId}</code></span></th>`,
  );
}

function matrix(reports: readonly Report[], names: readonly string[]): Html {
  const statuses = [...new Set(reports.flatMap((r) => r.statuses.map((s) => s.status)))].sort(
    (a, b) => a - b,
  );
  const description = (status: number): string =>
    reports.flatMap((r) => r.statuses).find((s) => s.status === status)?.description ?? "";
  const rows = statuses.map(
    (status) =>
      markup`<tr data-status="${status}"><th scope="row">${status} <span class="meta">${description(status)}</span></th>${reports.map((r) => cell(r.statuses.find((s) => s.status === status)))}</tr>`,
  );
  return markup`<table class="matrix">
<caption class="muted">Outcome of every documented status of DELETE /v2/images/{image_id}/tags/{tag}, per target; the number is scenarios passed of scenarios run.</caption>
<thead><tr><th scope="col">Status</th>${heads(reports, names)}</tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** The profiles' flagged rules × targets, as merged.md and merged.json have them. */
function flaggedMatrix(reports: readonly Report[], names: readonly string[]): Html {
  const ids = [...new Set(reports.flatMap((r) => r.flagged.map((f) => f.id)))];
  if (ids.length === 0) return markup``;
  const rows = ids.map((id) => {
    const cells = reports.map((r) => {
      const f = r.flagged.find((x) => x.id === id);
      return f === undefined
        ? markup`<td><span class="muted">not flagged by this profile</span></td>`
        : markup`<td>${badge(flagLabel(f))}</td>`;
    });
    return markup`<tr data-flag="${id}"><th scope="row"><code>${id}</code></th>${cells}</tr>`;
  });
  return markup`<h2>Flagged rules</h2>
<table class="flag-matrix">
<caption class="muted">Rules a profile flags (x-itc-flagged), reported without deciding the verdict (--strict requires them): FLAGGED marks a flagged rule the target does not meet, as its flag allows.</caption>
<thead><tr><th scope="col">Rule</th>${heads(reports, names)}</tr></thead>
<tbody>${rows}</tbody></table>`;
}

function runs(reports: readonly Report[], names: readonly string[]): Html {
  const rows = reports.map(
    (r, i) =>
      markup`<tr><th scope="row">${names[i] ?? ""}<br><code class="meta">${r.target.url}</code></th><td>${verdictBadge(r.verdict)}</td><td>${r.verdictRule}</td><td><code>${r.openapiSha256}</code></td><td>${r.suiteVersion}</td><td>${r.startedAt}</td></tr>`,
  );
  return markup`<h2>The runs</h2>
<table><thead><tr><th scope="col">Target</th><th scope="col">Verdict</th><th scope="col">Decided by</th><th scope="col">Profile sha256</th><th scope="col">Suite</th><th scope="col">Started</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * Several targets' reports as one page: a row for every documented status and for every flagged rule, a column
 * for every target (named as in merged.md and merged.json), the outcome in each cell (word and colour) and each
 * target's verdict in its column's header.
 */
export function renderMatrixHtml(reports: readonly Report[]): string {
  const n = `${reports.length} ${reports.length === 1 ? "target" : "targets"}`;
  const names = targetLabels(reports);
  const embedded = reports.some((r) => r.target.kind === "embedded");
  const body = markup`<main class="wrap">
<h1>Image tag conformance: ${n}</h1>
${embedded ? markup`<p class="notice">${embeddedNote}</p>` : ""}
${reports.length === 0 ? markup`<p>No report was given.</p>` : markup`${matrix(reports, names)}${flaggedMatrix(reports, names)}${runs(reports, names)}`}
<footer><p>Each column comes from one target's report.json; its own report.html holds the evidence.</p></footer>
</main>`;
  return page(`Image tag conformance matrix: ${n}`, body);
}
