import type { ReportDiff, OutcomeChange } from "../../reports/compare/diffReports";
import { isUnchanged } from "../../reports/compare/diffReports";
import type { Outcome } from "../engine/RunResult";
import { paintOutcome } from "./colour";

const word = { pass: "PASS", fail: "FAIL", "not-exercised": "NOT EXERCISED" } as const;

/** The text `diff` prints: one line per change, A → B, then the count of regressions. */
export function renderDiff(d: ReportDiff, colour: boolean): string {
  if (isUnchanged(d)) return "no change";
  const w = (o: Outcome | undefined): string =>
    o === undefined ? "(absent)" : paintOutcome(word[o], colour);
  const arrow = (c: OutcomeChange): string =>
    `${w(c.a)} → ${w(c.b)}${c.a === "pass" && c.b === "fail" ? "  (regression)" : ""}`;
  const lines: string[] = [];
  if (d.verdict !== undefined)
    lines.push(
      `verdict: ${d.verdict.a} → ${d.verdict.b}${d.verdict.a === "conformant" ? "  (regression)" : ""}`,
    );
  if (d.profile !== undefined) {
    const p = (x: { id: string; sha256: string }): string =>
      `${x.id} (openapi sha256 ${x.sha256.slice(0, 12)})`;
    lines.push(`profile: ${p(d.profile.a)} → ${p(d.profile.b)}`);
  }
  if (d.suiteVersion !== undefined) lines.push(`suite version: ${d.suiteVersion.a} → ${d.suiteVersion.b}`);
  if (d.rows.length > 0) lines.push("statuses:", ...d.rows.map((r) => `  ${r.status}  ${arrow(r)}`));
  if (d.scenarios.length > 0)
    lines.push("scenarios:", ...d.scenarios.map((s) => `  ${s.id} (${s.status}, ${s.tier})  ${arrow(s)}`));
  const f = d.findings;
  if (f.added.length + f.resolved.length > 0) {
    lines.push("findings:");
    for (const x of f.added) lines.push(`  new: ${x.id}: ${x.title}`);
    for (const x of f.resolved) lines.push(`  resolved: ${x.id}: ${x.title}`);
  }
  const g = d.flags;
  if (g.added.length + g.dropped.length + g.changed.length > 0) {
    lines.push("flagged rules:");
    for (const id of g.added) lines.push(`  new flag: ${id}`);
    for (const id of g.dropped) lines.push(`  dropped flag: ${id}`);
    for (const c of g.changed) lines.push(`  ${c.id}  ${arrow(c)}`);
  }
  lines.push(
    d.regressions === 0
      ? "no regression (nothing that passed in A fails in B)"
      : `${d.regressions} regression${d.regressions === 1 ? "" : "s"}: something that passed in A fails in B`,
  );
  return lines.join("\n");
}
