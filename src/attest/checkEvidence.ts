import type { Report } from "../../reports/Report";
import type { Verification } from "./Verification";

/**
 * Each scenario's outcome and breaches follow from its own checks, as the run decides them: a scenario that
 * passed has no failed check, one with a failed check that decides the verdict failed, and the breaches of a flagged or extended scenario are exactly its failed checks
 * of rules that bind every tier (a core scenario has none: its failures decide by themselves).
 */
export function checkEvidence(report: Report): Verification[] {
  const out: Verification[] = [];
  for (const row of report.statuses)
    for (const s of row.scenarios) {
      const failed = s.evidence.checks.filter((c) => !c.ok);
      // A core scenario with a failed check fails, so does any with a failed check of a rule binding every tier
      // (the run keeps such a failure even when it was stopped after it); a passed one has no failed check.
      const mustFail = failed.some((c) => s.tier === "core" || c.core === true);
      if ((s.outcome === "pass" && failed.length > 0) || (mustFail && s.outcome !== "fail"))
        out.push({
          check: "evidence",
          ok: false,
          detail: `${s.id} is reported as ${s.outcome}, yet its evidence has ${failed.length} failed checks (${failed[0]?.rule ?? ""})`,
        });
      const breaches = s.tier === "core" ? 0 : failed.filter((c) => c.core === true).length;
      if (s.outcome !== "not-exercised" && s.breaches.length !== breaches)
        out.push({
          check: "evidence",
          ok: false,
          detail: `${s.id} lists ${s.breaches.length} breaches, its evidence gives ${breaches}`,
        });
    }
  // Every 5xx of the run is either asked for (an injected fault, its exchange in the evidence says so) or a
  // breach that keeps the verdict from conformant: a run that saw one and says conformant hides a case.
  const asked = new Set(
    report.statuses.flatMap((r) =>
      r.scenarios.flatMap((s) =>
        s.evidence.exchanges.filter((e) => (e.expected ?? []).includes(e.status)).map((e) => e.seq),
      ),
    ),
  );
  const unasked = report.stats.serverErrors.filter((seq) => !asked.has(seq));
  if (unasked.length > 0 && report.verdict === "conformant")
    out.push({
      check: "evidence",
      ok: false,
      detail: `the run saw ${unasked.length} 5xx answers that no evidence shows asked for (exchanges ${unasked.slice(0, 10).join(", ")}), yet it says conformant`,
    });
  const count = report.statuses.reduce((n, r) => n + r.scenarios.length, 0);
  if (out.length === 0)
    out.push({ check: "evidence", ok: true, detail: `${count} scenarios agree with their own checks` });
  return out;
}
