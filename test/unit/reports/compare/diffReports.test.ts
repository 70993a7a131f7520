import { diffReports, isUnchanged } from "../../../../reports/compare/diffReports";
import type { Report } from "../../../../reports/Report";
import { renderDiff } from "../../../../src/cli/renderDiff";
import { coreCheck } from "../../../../src/engine/checks/Check";
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

  it("a scenario that failed in both and breaches a rule of every tier only in B: a change, and a regression", () => {
    // The matrix of issue 21 showed it: a flagged scenario failing as allowed, then failing with a 500 too.
    const breach = coreCheck("no 5xx", false, "answered 500", "RFC 9110 §15.6");
    const scenario = mutant.statuses.flatMap((r) => r.scenarios).find((s) => s.outcome === "fail");
    if (scenario === undefined) throw new Error("the mutant's report has a failed scenario");
    const breached: Report = {
      ...mutant,
      statuses: mutant.statuses.map((r) => ({
        ...r,
        scenarios: r.scenarios.map((s) => (s.id === scenario.id ? { ...s, breaches: [breach] } : s)),
      })),
    };
    const d = diffReports(mutant, breached);
    expect(d.scenarios.map((s) => [s.id, s.a, s.b, s.breached])).toEqual([
      [scenario.id, "fail", "fail", { a: false, b: true }],
    ]);
    expect(d.regressions).toBe(1);
    expect(renderDiff(d, false)).toContain(`${scenario.id} (`);
    expect(renderDiff(d, false)).toMatch(/FAIL → FAIL {2}\(breaks a rule of every tier in B; regression\)/);
    // The other way: the breach gone is a change, not a regression.
    const back = diffReports(breached, mutant);
    expect(back.scenarios.map((s) => s.breached)).toEqual([{ a: true, b: false }]);
    expect(back.regressions).toBe(0);
  });
});
