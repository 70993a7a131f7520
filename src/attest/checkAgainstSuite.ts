import { join } from "node:path";
import { contractScenarios } from "../../contracts/verify/contractScenarios";
import type { Report } from "../../reports/Report";
import { suiteScenarios } from "../../suites";
import type { Scenario } from "../engine/Scenario";
import { loadProfile } from "../profile/loadProfile";
import { withoutFlags } from "../profile/tagFlags";
import type { Verification } from "./Verification";

/** Why a reported scenario is not what the suite defines under its id, if it is not. */
function mismatch(reported: Report["statuses"][number]["scenarios"][number], status: number, s: Scenario) {
  if (s.status !== status || s.tier !== reported.tier || s.kind !== reported.kind)
    return `${s.id} is reported as ${reported.tier} ${reported.kind} under ${status}; the suite defines it as ${s.tier} ${s.kind} under ${s.status}`;
  // A cause that excuses must be one the scenario can have: only a fault scenario is untriggerable.
  if (reported.cause === "untriggerable" && !s.needs.includes("fault-injection"))
    return `${s.id} is reported as untriggerable, but it needs no injected fault`;
  if (reported.cause === "needs-input" && !s.needs.includes("alt-identity"))
    return `${s.id} is reported as needing an input it does not need`;
  return undefined;
}

/**
 * The report's scenarios are the suite's own for its profile (the copy beside it, read as the run read it,
 * --strict included): each with the status, tier and kind the suite gives it, excused only by a cause it can
 * have; and a conformant report holds every one of them.
 */
export async function checkAgainstSuite(dir: string, file: string, report: Report): Promise<Verification[]> {
  let defined: Scenario[];
  try {
    const loaded = await loadProfile(join(dir, file));
    const profile = report.settings.strict ? withoutFlags(loaded) : loaded;
    defined = [...suiteScenarios(profile), ...contractScenarios(profile)].filter((s) => s.appliesTo(profile));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return [{ check: "definitions", ok: false, detail: `the profile ${file} cannot be read: ${why}` }];
  }
  const byId = new Map(defined.map((s) => [s.id, s]));
  const out: Verification[] = [];
  for (const row of report.statuses)
    for (const reported of row.scenarios) {
      const s = byId.get(reported.id);
      const why =
        s === undefined
          ? `${reported.id} is no scenario of this suite for the profile`
          : mismatch(reported, row.status, s);
      if (why !== undefined) out.push({ check: "definitions", ok: false, detail: why });
    }
  const count = report.statuses.reduce((n, r) => n + r.scenarios.length, 0);
  if (out.length === 0)
    out.push({
      check: "definitions",
      ok: true,
      detail: `${count} scenarios are the suite's, as it defines them`,
    });
  const present = new Set(report.statuses.flatMap((r) => r.scenarios.map((s) => s.id)));
  const missing = defined.map((s) => s.id).filter((id) => !present.has(id));
  out.push(
    report.verdict !== "conformant"
      ? { check: "completeness", ok: true, detail: `not required of a ${report.verdict} report` }
      : missing.length === 0
        ? {
            check: "completeness",
            ok: true,
            detail: `all ${defined.length} scenarios of the profile are reported`,
          }
        : {
            check: "completeness",
            ok: false,
            detail: `a conformant report lacks ${missing.length} scenarios of its profile: ${missing.join(", ")}`,
          },
  );
  return out;
}
