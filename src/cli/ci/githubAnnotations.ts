import { highlightsOf } from "../../../reports/highlightsOf";
import type { Report } from "../../../reports/Report";

/**
 * Escaping of workflow commands, as GitHub's own toolkit does it (actions/toolkit, packages/core/src/command.ts):
 * in the message % \r \n; in a property also : and , (which separate properties).
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** At most this many characters of a message: a hostile target's text cannot flood the log. */
const maxMessage = 2000;

function command(kind: "error" | "warning", title: string, message: string): string {
  const text = message.length <= maxMessage ? message : `${message.slice(0, maxMessage)}…`;
  return `::${kind} title=${escapeProperty(title)}::${escapeData(text)}`;
}

/**
 * Workflow commands for GitHub Actions (docs: "Workflow commands for GitHub Actions", error and warning):
 * ::error for what decides the verdict (a failed core scenario, a breach of a rule no tier excuses),
 * ::warning for findings and failed flagged rules. One line each, in report order.
 */
export function githubAnnotations(report: Report): string[] {
  const h = highlightsOf(report);
  const lines: string[] = [];
  for (const { status, scenario: s } of h.failures) {
    const details = [
      s.reason ?? s.observed,
      ...s.breaches.filter((c) => !c.ok).map((c) => `broke: ${c.rule}: ${c.detail}`),
      ...(s.property?.counterexample === undefined ? [] : [`counterexample: ${s.property.counterexample}`]),
      ...(s.property?.replay === undefined ? [] : [`replay: ${s.property.replay}`]),
    ];
    const label = s.tier === "core" && s.outcome === "fail" ? "FAIL" : "BREACH";
    lines.push(command("error", `${label} ${status} ${s.id}`, details.join("\n")));
  }
  for (const c of h.runBreaches)
    lines.push(command("error", "BREACH outside every scenario", `${c.rule}: ${c.detail}`));
  for (const f of h.findings)
    lines.push(
      command(
        "warning",
        `FINDING ${f.id}${f.scenario === undefined || f.scenario === f.id ? "" : ` (${f.scenario})`}`,
        `${f.title}: ${f.detail}`,
      ),
    );
  for (const f of h.flaggedFailed)
    lines.push(
      command(
        "warning",
        `FLAGGED ${f.id} (${f.scenario})`,
        `${f.rule}\nnot part of the verdict (--strict requires it): ${f.reason}`,
      ),
    );
  return lines;
}
