import { flagLabel, outcomeLabel } from "./outcomeLabel";
import { profileLabel } from "./profileLabel";
import type { Exchange } from "../src/http/Exchange";
import type { Report, ScenarioEntry } from "./Report";

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const word = { pass: "PASS", fail: "FAIL", "not-exercised": "NOT EXERCISED" } as const;

function exchangeBlock(e: Exchange): string {
  const body = e.requestBody === undefined ? "" : `\n${e.requestBody}`;
  const response = e.responseBody === "" ? "" : `\n${e.responseBody}`;
  const resent = e.resent === true ? " (resent: its kept-alive connection closed unanswered)" : "";
  return `#${e.seq} ${e.method} ${e.path} as ${e.principal}${resent}${body}\n→ ${e.status} ${e.responseHeaders["content-type"] ?? ""}${response}`;
}

function scenarioSection(s: ScenarioEntry): string[] {
  const lines = [
    `- **${outcomeLabel(s)}** \`${s.id}\`: ${s.title}${s.tempestId === undefined ? "" : ` (Tempest ${s.tempestId})`}`,
  ];
  lines.push(`  - expected: ${s.expected}`, `  - observed: ${s.observed}`);
  if (s.reason !== undefined) lines.push(`  - ${s.outcome === "fail" ? "failed" : "reason"}: ${s.reason}`);
  const p = s.property;
  if (p !== undefined) {
    const classes = Object.entries(p.classes)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    lines.push(
      `  - ${s.kind}: seed ${p.seed}, ${p.runs} cases${p.shrinks > 0 ? `, ${p.shrinks} shrinks` : ""}${p.interrupted ? " (time budget reached)" : ""}${classes === "" ? "" : `; classes: ${classes}`}`,
    );
    for (const d of p.deviations) lines.push(`  - deviation accepted with --lenient: ${d}`);
    if (p.counterexample !== undefined) lines.push(`  - counterexample: \`${p.counterexample}\``);
    if (p.replay !== undefined) lines.push(`  - replay: \`${p.replay}\``);
    if (p.curl !== undefined) lines.push(`  - failing request: \`${p.curl}\``);
  }
  if (s.outcome === "fail") {
    lines.push(
      "",
      "  ```",
      ...s.evidence.exchanges
        .map(exchangeBlock)
        .join("\n\n")
        .split("\n")
        .map((l) => `  ${l}`),
      "  ```",
    );
  }
  return lines;
}

/** The profile's flagged rules: what each requires, why it is flagged, and how this target did. */
function flaggedSection(report: Report): string[] {
  if (report.flagged.length === 0) return [];
  return [
    "## Flagged rules (reported, not part of the verdict; --strict requires them)",
    "",
    "| Rule | Outcome here | Requires | Why flagged | Evidence |",
    "|---|---|---|---|---|",
    ...report.flagged.map(
      (f) =>
        `| \`${f.id}\` (\`${f.scenario}\`) | ${flagLabel(f)} | ${cell(f.rule)} | ${cell(f.reason)} | ${cell(f.evidence)} |`,
    ),
    "",
  ];
}

/** report.md: the verdict, a table with a row for every documented status, then every scenario with its evidence. */
export function renderMarkdown(report: Report): string {
  const serverErrors =
    report.stats.serverErrors.length === 0
      ? "none"
      : `${report.stats.serverErrors.length} (exchanges ${report.stats.serverErrors.join(", ")})`;
  const left = [
    ...report.cleanup.leftBehind.map((l) => `${l.imageId} (${l.why})`),
    ...(report.cleanup.unverified ?? []).map((u) => `maybe an image named ${u.name} (${u.why})`),
  ].join(", ");
  const lines = [
    `# Image tag conformance: ${profileLabel(report)} — ${report.verdict}`,
    "",
    "| | |",
    "|---|---|",
    `| Verdict | **${report.verdict}** (exit code ${report.exitCode}) |`,
    `| Profile | ${cell(profileLabel(report))}: ${cell(report.profileTitle)} (\`${cell(report.profileSource)}\`, sha256 \`${report.openapiSha256.slice(0, 16)}…\`) |`,
    `| Target | ${report.target.kind === "embedded" ? "embedded reference" : "live"} ${cell(report.target.url)} |`,
    `| Suite | image-tag-conformance ${report.suiteVersion}, run \`${report.runId}\` |`,
    `| Time | ${report.startedAt} → ${report.finishedAt} (${report.stats.durationMs} ms) |`,
    `| Requests | ${report.stats.requests}, ${report.stats.waitMs} ms waiting on the target; 5xx answers: ${serverErrors} |`,
    `| Cleanup | ${report.cleanup.created} scratch images created, ${report.cleanup.deleted} deleted${left === "" ? "" : `; left behind: ${cell(left)}`} |`,
    `| Reproduce | \`${cell(report.command)}\` |`,
    `| Seed, runs | ${report.seed}, ${report.settings.runs} cases per property${report.settings.lenient ? ", lenient" : ""}${report.settings.strict ? ", strict (flagged rules required)" : ""} |`,
    ...(report.aborted === undefined
      ? []
      : [`| Aborted | ${report.aborted.kind}: ${cell(report.aborted.message)} |`]),
    "",
    "## Documented statuses",
    "",
    "| Status | Description | Outcome | Scenarios passed | Note |",
    "|---|---|---|---|---|",
    ...report.statuses.map(
      (r) =>
        `| ${r.status} | ${cell(r.description)} | ${word[r.outcome]} | ${r.scenarios.filter((s) => s.outcome === "pass").length}/${r.scenarios.length} | ${cell(r.reason ?? "")} |`,
    ),
    "",
    "## Interop guideline tests (Tempest) covered",
    "",
    "| Idempotent id | Test | Scenarios | Outcome |",
    "|---|---|---|---|",
    ...report.interop.map(
      (i) => `| ${i.idempotentId} | ${i.test} | ${i.scenarios.join(", ")} | ${word[i.outcome]} |`,
    ),
    "",
    ...flaggedSection(report),
    "## Scenarios",
  ];
  for (const row of report.statuses) {
    lines.push("", `### ${row.status} ${row.description}`, "");
    if (row.scenarios.length === 0) lines.push(`- ${row.reason ?? "no scenario"}`);
    for (const s of row.scenarios) lines.push(...scenarioSection(s));
  }
  return `${lines.join("\n")}\n`;
}
