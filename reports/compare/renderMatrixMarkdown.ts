import type { OutcomeLabel } from "../outcomeLabel";
import { inlineCode, markdownCell } from "../markdownCell";
import type { MergedMatrix } from "./mergeReports";

/** A status the target's profile does not document (or a flag it does not have). */
const absent = "—";
const cellOf = (l: OutcomeLabel | null): string => (l === null ? absent : l);

/** Said under the targets whenever one is the embedded reference: such a column certifies nothing. */
export const embeddedNote =
  "An embedded reference column is the suite's own reference implementation, started by that run: it tests the suite itself and certifies no cloud.";

/** merged.md: the targets with their verdicts, then documented statuses × targets and flagged rules × targets. */
export function renderMatrixMarkdown(m: MergedMatrix): string {
  const header = `| ${m.targets.map((t) => markdownCell(t.label, 80)).join(" | ")} |`;
  const rule = `|${"---|".repeat(m.targets.length)}`;
  const counts = new Map<string, number>();
  for (const t of m.targets) counts.set(t.verdict, (counts.get(t.verdict) ?? 0) + 1);
  const lines = [
    "# Image tag conformance: matrix",
    "",
    `${m.targets.length} targets: ${[...counts].map(([v, n]) => `${n} ${v}`).join(", ")}.`,
    "",
    "| Target | URL | Profile | Verdict | Suite | Finished | Report |",
    "|---|---|---|---|---|---|---|",
    ...m.targets.map(
      (t) =>
        `| ${markdownCell(t.label, 80)} | ${markdownCell(t.url)} | ${inlineCode(t.profile, true)} | **${t.verdict}** (exit ${t.exitCode}) | ${markdownCell(t.suiteVersion)} | ${t.finishedAt} | ${inlineCode(t.source, true)} |`,
    ),
    "",
    ...(m.targets.some((t) => t.kind === "embedded") ? [embeddedNote, ""] : []),
    `## Documented statuses (${absent}: not documented by that target's profile)`,
    "",
    `| Status | Description ${header}`,
    `|---|---${rule}`,
    ...m.statuses.map(
      (r) => `| ${r.status} | ${markdownCell(r.description, 120)} | ${r.labels.map(cellOf).join(" | ")} |`,
    ),
    "",
  ];
  if (m.flagged.length > 0)
    lines.push(
      `## Flagged rules (reported, not part of the verdict; FLAGGED: not met, as the flag allows; ${absent}: not flagged by that target's profile)`,
      "",
      `| Rule ${header}`,
      `|---${rule}`,
      ...m.flagged.map((f) => `| ${inlineCode(f.id, true)} | ${f.labels.map(cellOf).join(" | ")} |`),
      "",
    );
  return lines.join("\n");
}
