import type { Outcome } from "../../src/engine/RunResult";
import { inlineCode, markdownCell } from "../markdownCell";
import type { MergedMatrix } from "./mergeReports";

const word = { pass: "PASS", fail: "FAIL", "not-exercised": "NOT EXERCISED" } as const;
/** A status the target's profile does not document (or a flag it does not have). */
const absent = "—";
const cellOf = (o: Outcome | null): string => (o === null ? absent : word[o]);

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
    `## Documented statuses (${absent}: not documented by that target's profile)`,
    "",
    `| Status | Description ${header}`,
    `|---|---${rule}`,
    ...m.statuses.map(
      (r) => `| ${r.status} | ${markdownCell(r.description, 120)} | ${r.outcomes.map(cellOf).join(" | ")} |`,
    ),
    "",
  ];
  if (m.flagged.length > 0)
    lines.push(
      "## Flagged rules (reported, not part of the verdict)",
      "",
      `| Rule ${header}`,
      `|---${rule}`,
      ...m.flagged.map((f) => `| ${inlineCode(f.id, true)} | ${f.outcomes.map(cellOf).join(" | ")} |`),
      "",
    );
  return lines.join("\n");
}
