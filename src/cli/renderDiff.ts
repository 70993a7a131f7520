import type { OutcomeChange, ProfileOf, ReportDiff, ScenarioChange } from "../../reports/compare/diffReports";
import { isUnchanged } from "../../reports/compare/diffReports";
import type { Outcome } from "../engine/RunResult";
import { paintOutcome } from "./colour";

const word = { pass: "PASS", fail: "FAIL", "not-exercised": "NOT EXERCISED" } as const;

const profileText = (p: ProfileOf): string =>
  `${p.id} (${p.builtin ? "built in" : "custom profile"}, openapi sha256 ${p.sha256.slice(0, 12)})`;

/** A scenario that gained or lost a breach (a rule of every tier broken), whatever its outcome did. */
function breachText(s: ScenarioChange): string {
  if (s.breached === undefined) return "";
  return s.breached.b
    ? `  (breaks a rule of every tier in B${s.a === "pass" && s.b === "fail" ? "" : "; regression"})`
    : "  (no longer breaks a rule of every tier)";
}

/** The text `diff` prints: one line per change, A → B, then the count of regressions. */
export function renderDiff(d: ReportDiff, colour: boolean): string {
  if (isUnchanged(d)) return "no change";
  const w = (o: Outcome | undefined, absent: string): string =>
    o === undefined ? absent : paintOutcome(word[o], colour);
  const arrow = (c: OutcomeChange, absent: string, regression: boolean): string =>
    `${w(c.a, "(absent)")} → ${w(c.b, absent)}${regression ? "  (regression)" : ""}`;
  // A scenario missing from a B that was cut short (or partial) was never run there: not checked, not gone.
  const scenarioAbsent = d.bCutShort === undefined ? "(absent)" : "not checked in B";
  const lines: string[] = [];
  if (d.verdict !== undefined)
    lines.push(
      `verdict: ${d.verdict.a} → ${d.verdict.b}${d.verdict.a === "conformant" ? "  (regression)" : ""}`,
    );
  if (d.profile !== undefined)
    lines.push(
      `profile: ${profileText(d.profile.a)} → ${profileText(d.profile.b)}  (regression: B was judged against another profile)`,
    );
  if (d.suiteVersion !== undefined) lines.push(`suite version: ${d.suiteVersion.a} → ${d.suiteVersion.b}`);
  if (d.bCutShort !== undefined) lines.push(`B did not run everything: ${d.bCutShort}`);
  if (d.rows.length > 0)
    lines.push(
      "statuses:",
      ...d.rows.map(
        (r) =>
          `  ${r.status}  ${arrow(r, "(absent: B's profile does not document it)", r.a === "pass" && r.b !== "pass" && r.b !== "not-exercised")}`,
      ),
    );
  if (d.scenarios.length > 0)
    lines.push(
      "scenarios:",
      ...d.scenarios.map(
        (s) =>
          `  ${s.id} (${s.status}, ${s.tier})  ${arrow(s, scenarioAbsent, s.a === "pass" && s.b === "fail")}${breachText(s)}`,
      ),
    );
  const f = d.findings;
  if (f.added.length + f.resolved.length + f.notChecked.length > 0) {
    lines.push("findings:");
    for (const x of f.added) lines.push(`  new: ${x.id}: ${x.title}`);
    for (const x of f.resolved) lines.push(`  resolved: ${x.id}: ${x.title}`);
    for (const x of f.notChecked)
      lines.push(
        `  not checked in B: ${x.id}: ${x.title} (${x.scenario ?? "the run"} did not run to the end in B)`,
      );
  }
  const g = d.flags;
  if (g.added.length + g.dropped.length + g.changed.length > 0) {
    lines.push("flagged rules:");
    for (const id of g.added) lines.push(`  new flag: ${id}`);
    for (const id of g.dropped) lines.push(`  dropped flag: ${id}`);
    for (const c of g.changed)
      lines.push(
        `  ${c.id}  ${c.a === undefined ? "(absent)" : paintOutcome(c.a, colour)} → ${c.b === undefined ? "(absent)" : paintOutcome(c.b, colour)}`,
      );
  }
  lines.push(
    d.regressions === 0
      ? "no regression (the same profile, and nothing that passed in A fails or is gone in B)"
      : `${d.regressions} regression${d.regressions === 1 ? "" : "s"}: something that passed in A fails or is gone in B, or B used another profile`,
  );
  return lines.join("\n");
}
