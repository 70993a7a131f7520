import { flagLabel } from "../../../reports/outcomeLabel";
import { profileLabel } from "../../../reports/profileLabel";
import { highlightsOf, type RowScenario } from "../../../reports/highlightsOf";
import { inlineCode, markdownCell } from "../../../reports/markdownCell";
import type { Report } from "../../../reports/Report";

const word = { pass: "PASS", fail: "FAIL", "not-exercised": "NOT EXERCISED" } as const;
const mark = { conformant: "✅", "non-conformant": "❌", incomplete: "⚠️" } as const;
/** A flagged rule's text is the profile's own, not the target's: shown whole up to this bound. */
const maxRuleChars = 4000;
/** Items listed per section; the rest are counted (report.md holds them all). */
const maxItems = 50;

function listed<T>(items: readonly T[], render: (item: T) => string[]): string[] {
  const lines = items.slice(0, maxItems).flatMap(render);
  if (items.length > maxItems) lines.push(`- … and ${items.length - maxItems} more (see report.md)`);
  return lines;
}

function failure({ status, scenario: s }: RowScenario): string[] {
  const lines = [`- **${status}** ${inlineCode(s.id)}: ${markdownCell(s.reason ?? s.observed)}`];
  for (const b of s.breaches.filter((c) => !c.ok))
    lines.push(`  - broke ${markdownCell(b.rule)}: ${markdownCell(b.detail)}`);
  if (s.property?.counterexample !== undefined)
    lines.push(`  - counterexample: ${inlineCode(s.property.counterexample)}`);
  if (s.property?.replay !== undefined) lines.push(`  - replay: ${inlineCode(s.property.replay)}`);
  return lines;
}

function section(title: string, body: readonly string[]): string[] {
  return body.length === 0 ? [] : [`### ${title}`, "", ...body, ""];
}

/**
 * The run as GitHub-flavoured Markdown for a job summary (GITHUB_STEP_SUMMARY): the verdict, a row per
 * documented status, then what failed (with the counterexample and the command that replays it), findings,
 * failed flagged rules and what was not exercised.
 */
export function githubSummary(report: Report): string {
  const h = highlightsOf(report);
  const p = report.product;
  const product = p === undefined ? "" : ` · ${[p.vendor, p.name, p.version].filter(Boolean).join(" ")}`;
  const target = report.target.kind === "embedded" ? "embedded reference" : report.target.url;
  const lines = [
    `## ${mark[report.verdict]} image-tag-conformance: ${report.verdict}`,
    "",
    `**${report.verdict}** (exit ${report.exitCode}): ${markdownCell(report.verdictRule)}`,
    "",
    `Target ${markdownCell(target)}${markdownCell(product)} · profile ${inlineCode(profileLabel(report))} · suite ${report.suiteVersion} · seed ${report.seed}`,
    ...(report.aborted === undefined
      ? []
      : ["", `Aborted (${report.aborted.kind}): ${markdownCell(report.aborted.message)}`]),
    ...(report.partial === undefined ? [] : ["", `Partial run: ${markdownCell(report.partial)}`]),
    "",
    "| Status | Outcome | Scenarios passed | Description |",
    "|---|---|---|---|",
    ...report.statuses.map(
      (r) =>
        `| ${r.status} | ${word[r.outcome]} | ${r.scenarios.filter((s) => s.outcome === "pass").length}/${r.scenarios.length} | ${markdownCell(r.description)} |`,
    ),
    "",
    ...section("Failures (decide the verdict)", [
      ...listed(h.failures, failure),
      ...listed(h.runBreaches, (c) => [
        `- outside every scenario, broke ${markdownCell(c.rule)}: ${markdownCell(c.detail)}`,
      ]),
    ]),
    ...section(
      "Findings (reported, not part of the verdict)",
      listed(h.findings, (f) => [
        `- ${f.scenario === undefined ? "" : `${inlineCode(f.scenario)}: `}${markdownCell(f.title)}: ${markdownCell(f.detail)}`,
      ]),
    ),
    ...section(
      "Flagged rules (reported, not part of the verdict; --strict requires them)",
      report.flagged.length === 0
        ? []
        : [
            "| Rule | Outcome | Scenario | Requires |",
            "|---|---|---|---|",
            ...report.flagged.map(
              (f) =>
                `| ${inlineCode(f.id, true)} | ${flagLabel(f)} | ${inlineCode(f.scenario, true)} | ${markdownCell(f.rule, maxRuleChars)} |`,
            ),
          ],
    ),
    ...section(
      "Not exercised",
      listed(h.notExercised, ({ status, scenario: s }) => [
        `- **${status}** ${inlineCode(s.id)}: ${markdownCell(s.reason ?? "not run")}`,
      ]),
    ),
    `Reproduce: ${inlineCode(report.command)}`,
    "",
  ];
  return lines.join("\n");
}
