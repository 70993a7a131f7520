import type { Report } from "../../reports/Report";
import type { WrittenReports } from "../../reports/writeReports";
import { colourEnabled, paintOutcome } from "./colour";
import { failLabel } from "./failLabel";

const word = { pass: "PASS", fail: "FAIL", "not-exercised": "NOT EXERCISED" } as const;

/** The per-status summary printed at the end of a run (on stdout: coloured when stdout is a terminal). */
export function summary(
  report: Report,
  files: WrittenReports | undefined,
  colour: boolean = colourEnabled(process.stdout),
): string {
  const target =
    report.target.kind === "embedded" ? `embedded reference (${report.target.url})` : report.target.url;
  const lines = [
    `image-tag-conformance ${report.suiteVersion} · profile ${report.profile} · target ${target}`,
  ];
  for (const row of report.statuses) {
    const passed = row.scenarios.filter((s) => s.outcome === "pass").length;
    lines.push(
      `  ${row.status}  ${paintOutcome(word[row.outcome], colour, 13)}  ${passed}/${row.scenarios.length}  ${row.description}`,
    );
    for (const s of row.scenarios) {
      if (s.outcome === "pass") continue;
      const label = s.outcome === "fail" ? failLabel(s.tier) : word[s.outcome];
      lines.push(`         ${paintOutcome(label, colour)} ${s.id}: ${s.reason ?? ""}`);
      if (s.property?.counterexample !== undefined)
        lines.push(`           counterexample: ${s.property.counterexample}`);
      if (s.property?.replay !== undefined) lines.push(`           replay: ${s.property.replay}`);
    }
  }
  const scenarios = report.statuses.reduce((n, r) => n + r.scenarios.length, 0);
  const cases = report.statuses.flatMap((r) => r.scenarios).reduce((n, s) => n + (s.property?.runs ?? 0), 0);
  const seconds = (report.stats.durationMs / 1000).toFixed(1);
  const left = report.cleanup.leftBehind.length;
  lines.push(
    `verdict: ${report.verdict} (exit ${report.exitCode}) · ${scenarios} scenarios (${cases} generated cases, seed ${report.seed}), ${report.stats.requests} requests in ${seconds} s · cleanup: ${report.cleanup.deleted}/${report.cleanup.created} scratch images deleted${left > 0 ? `, ${left} LEFT BEHIND (see report)` : ""}`,
  );
  const flagged = report.flagged.filter((f) => f.outcome === "fail").map((f) => f.id);
  if (flagged.length > 0)
    lines.push(
      `flagged rules failed: ${flagged.join(", ")} (reported, not part of the verdict; --strict requires them; why each is flagged: report.md)`,
    );
  if (report.aborted !== undefined) lines.push(`aborted: ${report.aborted.message}`);
  if (files !== undefined) lines.push(`reports: ${files.json}, ${files.junit}, ${files.markdown}`);
  return lines.join("\n");
}
