import { flagLabel, outcomeLabel } from "../../reports/outcomeLabel";
import { profileLabel } from "../../reports/profileLabel";
import { notStartedReason } from "../../reports/buildReport";
import type { Report } from "../../reports/Report";
import type { WrittenReports } from "../../reports/writeReports";
import { colourEnabled, paintOutcome } from "./colour";

const rowWord = { pass: "PASS", fail: "FAIL", "not-exercised": "NOT EXERCISED" } as const;

/** Every flag in effect, failed or not, and what each excuses: a reader sees at once what was not required. */
function flagsLine(report: Report): string | undefined {
  if (report.flagged.length === 0) return undefined;
  const shown = report.flagged.map((f) => {
    const allows = f.allows.map((a) =>
      "status" in a ? `${a.operation} ${String(a.status)}` : `${a.operation} stores another tag`,
    );
    const label = flagLabel(f);
    const outcome = f.breached ? `${label} (broke a rule no flag excuses)` : label;
    return `${f.id} ${outcome} (excuses: ${allows.join(", ")})`;
  });
  return `flags in effect (reported, not required; --strict requires them): ${shown.join("; ")}`;
}

/**
 * The per-status summary printed at the end of a run, from the redacted report (on stdout: coloured when stdout
 * is a terminal).
 */
export function summary(
  report: Report,
  files: WrittenReports | undefined,
  colour: boolean = colourEnabled(process.stdout),
): string {
  const target =
    report.target.kind === "embedded" ? `embedded reference (${report.target.url})` : report.target.url;
  const lines = [
    `image-tag-conformance ${report.suiteVersion} · profile ${profileLabel(report)} · target ${target}`,
  ];
  const flags = flagsLine(report);
  if (flags !== undefined) lines.push(flags);
  for (const row of report.statuses) {
    const passed = row.scenarios.filter((s) => s.outcome === "pass").length;
    lines.push(
      `  ${row.status}  ${paintOutcome(rowWord[row.outcome], colour, 13)}  ${passed}/${row.scenarios.length}  ${row.description}`,
    );
    // Scenarios a cut-short run never started: one line for all of them.
    const notStarted = row.scenarios.filter((s) => s.reason === notStartedReason).map((s) => s.id);
    if (notStarted.length > 0)
      lines.push(
        `         ${paintOutcome("NOT EXERCISED", colour)} ${notStarted.join(", ")}: ${notStartedReason}`,
      );
    for (const s of row.scenarios) {
      const label = outcomeLabel(s);
      if ((label === "PASS" && s.reason === undefined) || s.reason === notStartedReason) continue;
      lines.push(`         ${paintOutcome(label, colour)} ${s.id}: ${s.reason ?? s.observed}`);
      for (const b of s.breaches)
        lines.push(`           breaks a rule of every tier: ${b.rule}: ${b.detail}`);
      if (s.property?.counterexample !== undefined)
        lines.push(`           counterexample: ${s.property.counterexample}`);
      if (s.property?.replay !== undefined) lines.push(`           replay: ${s.property.replay}`);
    }
  }
  for (const b of report.breaches) lines.push(`  FAIL outside every scenario: ${b.rule}: ${b.detail}`);
  const scenarios = report.statuses.reduce((n, r) => n + r.scenarios.length, 0);
  const cases = report.statuses.flatMap((r) => r.scenarios).reduce((n, s) => n + (s.property?.runs ?? 0), 0);
  const seconds = (report.stats.durationMs / 1000).toFixed(1);
  const left = report.cleanup.leftBehind.length;
  // Older reports have no list of unverified names.
  const unverified = report.cleanup.unverified?.length ?? 0;
  const resent = report.stats.resent ?? 0;
  const sentAgain = [
    ...(report.stats.throttled.retries > 0 ? [`${report.stats.throttled.retries} throttled, retried`] : []),
    ...(resent > 0 ? [`${resent} resent after a closed connection`] : []),
  ];
  const retried = sentAgain.length > 0 ? ` (${sentAgain.join("; ")})` : "";
  lines.push(
    `verdict: ${report.verdict} (exit ${report.exitCode}): ${report.verdictRule} · ${scenarios} scenarios (${cases} generated cases, seed ${report.seed}), ${report.stats.requests} requests${retried} in ${seconds} s · cleanup: ${report.cleanup.deleted}/${report.cleanup.created} scratch images deleted${left > 0 ? `, ${left} LEFT BEHIND` : ""}${unverified > 0 ? `, ${unverified} names UNVERIFIED (listing them failed: images may be left)` : ""}${left + unverified > 0 ? ` (see report; remove them with image-tag-conformance cleanup --run-id ${report.runId} --yes)` : ""}`,
  );
  for (const f of report.findings)
    lines.push(`finding (decides nothing; worth telling the cloud's owner): ${f.title}: ${f.detail}`);
  if (report.partial !== undefined) lines.push(`partial run: ${report.partial}`);
  if (report.aborted !== undefined) lines.push(`aborted: ${report.aborted.message}`);
  if (files !== undefined)
    lines.push(`reports: ${files.json}, ${files.junit}, ${files.markdown}, ${files.html}`);
  return lines.join("\n");
}
