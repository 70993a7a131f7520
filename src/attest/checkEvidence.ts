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
  const count = report.statuses.reduce((n, r) => n + r.scenarios.length, 0);
  if (out.length === 0)
    out.push({ check: "evidence", ok: true, detail: `${count} scenarios agree with their own checks` });
  return out;
}
