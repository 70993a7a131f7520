import { join } from "node:path";
import type { Report } from "../../reports/Report";
import { contractScenarios } from "../../contracts/verify/contractScenarios";
import { suiteScenarios } from "../../suites";
import { loadProfile } from "../profile/loadProfile";
import { withoutFlags } from "../profile/tagFlags";
import type { Verification } from "./verifyReport";

/**
 * A conformant report holds every scenario this version of the suite runs against its profile (the copy beside
 * it, read as the run read it, --strict included): a report with scenarios left out is not conformant.
 */
export async function checkCompleteness(dir: string, file: string, report: Report): Promise<Verification> {
  if (report.verdict !== "conformant")
    return { check: "completeness", ok: true, detail: `not required of a ${report.verdict} report` };
  let ids: string[];
  try {
    const loaded = await loadProfile(join(dir, file));
    const profile = report.settings.strict ? withoutFlags(loaded) : loaded;
    ids = [...suiteScenarios(profile), ...contractScenarios(profile)]
      .filter((s) => s.appliesTo(profile))
      .map((s) => s.id);
  } catch (error) {
    return {
      check: "completeness",
      ok: false,
      detail: `the profile ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const present = new Set(report.statuses.flatMap((r) => r.scenarios.map((s) => s.id)));
  const missing = ids.filter((id) => !present.has(id));
  return missing.length === 0
    ? { check: "completeness", ok: true, detail: `all ${ids.length} scenarios of the profile are reported` }
    : {
        check: "completeness",
        ok: false,
        detail: `a conformant report lacks ${missing.length} scenarios of its profile: ${missing.join(", ")}`,
      };
}
