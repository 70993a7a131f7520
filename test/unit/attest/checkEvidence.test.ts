import { buildReport } from "../../../reports/buildReport";
import type { Report } from "../../../reports/Report";
import { checkEvidence } from "../../../src/attest/checkEvidence";
import { runSuite } from "../../../src/engine/runSuite";
import { defaultRunSettings } from "../../../src/engine/RunSettings";
import { allScenarios } from "../../../suites";
import { profile } from "../../support/profiles";
import { withReference } from "../../support/reference";
import { targetFor } from "../../support/targets";

/** A real report of a faithful reference: conformant, no 5xx. */
async function conformantReport(): Promise<Report> {
  const p = await profile("huawei-ims");
  return withReference(p, {}, async (ref) => {
    const scenarios = allScenarios.filter((s) => s.id === "204-delete-present-tag");
    const run = await runSuite({ profile: p, target: targetFor(ref.url), runId: "e1", scenarios });
    return {
      ...buildReport(run, { command: "c", exitCode: 0, settings: defaultRunSettings }),
      verdict: "conformant",
    };
  });
}

describe("checkEvidence: a conformant report cannot hide a 5xx (issue 20 item 1)", () => {
  it("agrees with a report whose run saw no 5xx", async () => {
    const report = await conformantReport();
    expect(report.stats.serverErrors).toEqual([]);
    expect(checkEvidence(report).every((v) => v.ok)).toBe(true);
  });

  it("refuses one whose run saw a 5xx that no exchange of the evidence asked for", async () => {
    const report = await conformantReport();
    // As a case cut off unjudged left it: the 5xx is counted in the run's stats, no scenario judged it.
    const tampered: Report = { ...report, stats: { ...report.stats, serverErrors: [999] } };
    const failed = checkEvidence(tampered).filter((v) => !v.ok);
    expect(failed.map((v) => v.detail)).toEqual([
      expect.stringMatching(/saw 1 5xx answers that no evidence shows asked for \(exchanges 999\)/),
    ]);
    // The same 5xx in a report that does not say conformant is no contradiction.
    expect(checkEvidence({ ...tampered, verdict: "non-conformant" }).every((v) => v.ok)).toBe(true);
  });
});
