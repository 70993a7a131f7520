import { diffReports, isUnchanged } from "../../../../reports/compare/diffReports";
import type { Report } from "../../../../reports/Report";
import { exampleReport } from "../../../support/reports";

let glance: Report;
let ims: Report;
let mutant: Report;
beforeAll(async () => {
  glance = await exampleReport({ profile: "openstack-glance" });
  ims = await exampleReport();
  mutant = await exampleReport({ mutant: "tag-kept" });
});

const withFlagged = (r: Report, flagged: Report["flagged"]): Report => ({ ...r, flagged });

describe("diffReports", () => {
  it("the same report: unchanged, no regression", () => {
    const d = diffReports(glance, glance);
    expect(isUnchanged(d)).toBe(true);
    expect(d.regressions).toBe(0);
  });

  it("a run of a broken variant: rows and scenarios pass → fail, the verdict, all counted as regressions", () => {
    const d = diffReports(ims, mutant);
    expect(d.verdict).toEqual({ a: "conformant", b: "non-conformant" });
    const failedRows = mutant.statuses.filter((r) => r.outcome === "fail").map((r) => r.status);
    expect(d.rows.map((r) => r.status)).toEqual(failedRows);
    const failed = mutant.statuses.flatMap((r) => r.scenarios).filter((s) => s.outcome === "fail");
    expect(d.scenarios.map((s) => [s.id, s.a, s.b])).toEqual(failed.map((s) => [s.id, "pass", "fail"]));
    expect(d.regressions).toBe(failedRows.length + failed.length + 1);
    // Back again: the same changes the other way, none a regression.
    const back = diffReports(mutant, ims);
    expect(back.scenarios.map((s) => [s.id, s.a, s.b])).toEqual(failed.map((s) => [s.id, "fail", "pass"]));
    expect(back.regressions).toBe(0);
  });

  it("flagged rules: new, dropped, and changed outcomes", () => {
    const [first, second] = glance.flagged;
    if (first === undefined || second === undefined)
      throw new Error("openstack-glance has two flagged rules");
    const d = diffReports(
      withFlagged(glance, [{ ...first, outcome: "pass" }]),
      withFlagged(glance, [{ ...first, outcome: "fail" }, second]),
    );
    expect(d.flags).toEqual({
      added: [second.id],
      dropped: [],
      changed: [{ id: first.id, a: "pass", b: "fail" }],
    });
    expect(diffReports(glance, withFlagged(glance, [second])).flags.dropped).toEqual([first.id]);
    expect(isUnchanged(d)).toBe(false);
  });

  it("findings: new and resolved, by id and scenario", () => {
    const finding = {
      id: "stored-despite-400",
      title: "400 but stored",
      detail: "d",
      scenario: "400-x",
      exchanges: [],
    };
    const d = diffReports(ims, { ...ims, findings: [finding] });
    expect(d.findings.added.map((f) => f.id)).toEqual(["stored-despite-400"]);
    expect(d.findings.resolved).toEqual([]);
    expect(diffReports({ ...ims, findings: [finding] }, ims).findings.resolved.map((f) => f.id)).toEqual([
      "stored-despite-400",
    ]);
    // Findings decide nothing: a new one is a change, not a regression.
    expect(d.regressions).toBe(0);
  });

  it("a changed profile document or suite version is shown, not counted as a regression", () => {
    const d = diffReports(ims, { ...ims, openapiSha256: "0".repeat(64), suiteVersion: "9.0.0" });
    expect(d.profile?.b).toEqual({ id: "huawei-ims", sha256: "0".repeat(64) });
    expect(d.suiteVersion).toEqual({ a: ims.suiteVersion, b: "9.0.0" });
    expect(d.regressions).toBe(0);
  });
});
