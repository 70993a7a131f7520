import type { Report } from "../Report";
import { badge } from "./badge";
import { markup, type Html } from "./Html";
import { scenarioLink } from "./scenarioLink";

/** Statuses and scenarios the run could not exercise, and why: each is what stands between a run and a verdict. */
export function notExercisedSection(report: Report): Html {
  const rows = report.statuses.filter((r) => r.outcome === "not-exercised");
  const scenarios = report.statuses.flatMap((r) => r.scenarios.filter((s) => s.outcome === "not-exercised"));
  const items = rows.map(
    (r) =>
      markup`<li>${badge("NOT EXERCISED")} status <strong>${r.status}</strong> ${r.description} — none of its core scenarios was exercised</li>`,
  );
  const table = scenarios.map(
    (s) =>
      markup`<tr><th scope="row">${scenarioLink(s.id)}</th><td>${badge("NOT EXERCISED")}</td><td>${s.cause ?? ""}</td><td>${s.reason ?? ""}</td></tr>`,
  );
  return markup`<section id="not-exercised" aria-labelledby="not-exercised-h"><h2 id="not-exercised-h">Not exercised</h2>
${items.length === 0 && table.length === 0 ? markup`<p>None: every scenario ran.</p>` : ""}
${items.length === 0 ? "" : markup`<ul>${items}</ul>`}
${table.length === 0 ? "" : markup`<table><thead><tr><th scope="col">Scenario</th><th scope="col">Outcome</th><th scope="col">Cause</th><th scope="col">Reason</th></tr></thead><tbody>${table}</tbody></table>`}
</section>`;
}
