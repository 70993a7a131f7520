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
    // In the words every output uses: a flagged rule failing as its flag allows is FLAGGED.
    expect(d.flags).toEqual({
      added: [second.id],
      dropped: [],
      changed: [{ id: first.id, a: "PASS", b: "FLAGGED" }],
    });
    expect(diffReports(glance, withFlagged(glance, [second])).flags.dropped).toEqual([first.id]);
    expect(isUnchanged(d)).toBe(false);
  });

  it("findings: new and resolved, by id and scenario", () => {
    const scenario = ims.statuses.flatMap((r) => r.scenarios)[0]?.id ?? "";
    const finding = {
      id: "stored-despite-400",
      title: "400 but stored",
      detail: "d",
      scenario,
      exchanges: [],
    };
    const d = diffReports(ims, { ...ims, findings: [finding] });
    expect(d.findings.added.map((f) => f.id)).toEqual(["stored-despite-400"]);
    expect(d.findings.resolved).toEqual([]);
    const back = diffReports({ ...ims, findings: [finding] }, ims);
    expect(back.findings.resolved.map((f) => f.id)).toEqual(["stored-despite-400"]);
    expect(back.findings.notChecked).toEqual([]);
    // Findings decide nothing: a new one is a change, not a regression.
    expect(d.regressions).toBe(0);
  });

  it("a finding whose scenario never ran in B (cut short) is not checked in B, not resolved", () => {
    const scenario = ims.statuses.flatMap((r) => r.scenarios)[0]?.id ?? "";
    const a = {
      ...ims,
      findings: [
        { id: "stored-despite-400", title: "400 but stored", detail: "d", scenario, exchanges: [] },
        { id: "create-error-but-stored", title: "stored anyway", detail: "d", exchanges: [] },
      ],
    };
    const cut: Report = {
      ...ims,
      aborted: { kind: "user", message: "run aborted by the user" },
      statuses: ims.statuses.map((r) => ({
        ...r,
        scenarios: r.scenarios.map((s) =>
          s.id === scenario ? { ...s, outcome: "not-exercised" as const, cause: "interrupted" as const } : s,
        ),
      })),
    };
    const d = diffReports(a, cut);
    expect(d.findings.resolved).toEqual([]);
    expect(d.findings.notChecked.map((f) => f.id)).toEqual(["stored-despite-400", "create-error-but-stored"]);
    expect(d.bCutShort).toBe("cut short: run aborted by the user");
  });

  it("a changed profile document is a regression, and so is a row that passed and is gone from B", () => {
    const d = diffReports(ims, { ...ims, openapiSha256: "0".repeat(64), suiteVersion: "9.0.0" });
    expect(d.profile?.b).toEqual({ id: "huawei-ims", builtin: true, sha256: "0".repeat(64) });
    expect(d.suiteVersion).toEqual({ a: ims.suiteVersion, b: "9.0.0" });
    expect(d.regressions).toBe(1);
    const custom = diffReports(ims, { ...ims, profileBuiltin: false });
    expect([custom.profile?.b.builtin, custom.regressions]).toEqual([false, 1]);
    // A copy of the profile without 401 and 403: the profile and both rows that passed.
    const fewer = {
      ...ims,
      profile: "huawei-lms",
      profileBuiltin: false,
      openapiSha256: "1".repeat(64),
      statuses: ims.statuses.filter((r) => r.status !== 401 && r.status !== 403),
    };
    const gone = diffReports(ims, fewer);
    expect(gone.rows.filter((r) => r.b === undefined).map((r) => [r.status, r.a])).toEqual([
      [401, "pass"],
      [403, "pass"],
    ]);
    expect(gone.regressions).toBe(3);
  });
});
