import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Report } from "../../reports/Report";
import { readReport, runCli, tempOut } from "../support/cli";

/** The input space's level chars=non-ascii in a run's report: its sides, and whether any request sent it. */
function nonAscii(report: Report): { flagged: boolean; valid: boolean; sent: boolean } {
  const level = report.inputSpace?.dimensions
    .find((d) => d.id === "chars")
    ?.levels.find((l) => l.id === "non-ascii");
  const sides: readonly string[] = level?.sides ?? [];
  return {
    flagged: sides.includes("flagged"),
    valid: sides.includes("valid"),
    sent: (level?.requests ?? 0) > 0,
  };
}

describe("run against the embedded reference", () => {
  it("huawei-ims (the default): exit 0, conformant, all 7 statuses pass, reports written", async () => {
    const out = tempOut();
    const r = await runCli([
      "run",
      "--out",
      out,
      "--vendor",
      "Example Cloud",
      "--product-name",
      "Example IMS",
    ]);
    expect(r.code).toBe(0);
    const report = readReport(out);
    expect(report.verdict).toBe("conformant");
    expect(report.profile).toBe("huawei-ims");
    expect(report.product).toEqual({ vendor: "Example Cloud", name: "Example IMS" });
    expect(report.target.versions).toMatchObject({ versions: [{ status: "CURRENT" }] });
    // Both interop guideline tests for tags are covered, by their Tempest idempotent ids.
    expect(report.interop.map((i) => [i.idempotentId, i.outcome])).toEqual([
      ["10407036-6059-4f95-a2cd-cbbbee7ed329", "pass"],
      ["39c023a2-325a-433a-9eea-649bf1414b19", "pass"],
    ]);
    expect(report.statuses.map((s) => [s.status, s.outcome])).toEqual(
      [204, 400, 401, 403, 404, 500, 503].map((s) => [s, "pass"]),
    );
    for (const f of ["report.json", "junit.xml", "report.md", "report.html"])
      expect(existsSync(join(out, f))).toBe(true);
    // The per-status summary on stdout, plain progress lines on stderr (not a terminal here).
    expect(r.stdout).toMatch(/^ {2}503 {2}PASS/m);
    expect(r.stdout).toMatch(/verdict: conformant \(exit 0\)/);
    expect(r.stderr).toMatch(/^\[1\/\d+\] PASS 204-delete-present-tag/m);
  });

  it("openstack-glance: exit 0, conformant, its 5 statuses pass", async () => {
    const out = tempOut();
    const r = await runCli(["run", "--profile", "openstack-glance", "--out", out, "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const report = readReport(out);
    expect(report.statuses.map((s) => [s.status, s.outcome])).toEqual(
      [204, 400, 401, 403, 404].map((s) => [s, "pass"]),
    );
    // The faithful reference meets the flagged rules too; they are reported with what they require and why.
    expect(report.flagged.map((f) => [f.id, f.scenario, f.outcome])).toEqual([
      ["astral-plane", "204-flagged-astral-plane", "pass"],
      ["non-ascii-in-path", "204-flagged-non-ascii-in-path", "pass"],
    ]);
    expect(report.settings.strict).toBe(false);
    // The summary's header names every flag in effect, failed or not, and what each excuses.
    expect(r.stdout).toMatch(
      /^flags in effect \(reported, not required; --strict requires them\): astral-plane PASS \(excuses: createImage 400, addImageTag 400\); non-ascii-in-path PASS \(excuses: deleteImageTag 404, deleteImageTag 400, addImageTag 400, addImageTag stores another tag\)$/m,
    );
    expect(readFileSync(join(out, "report.md"), "utf8")).toContain("## Flagged rules");
    // Without --strict, non-ASCII tags on an image are the flag's: no core property counts on them.
    expect(nonAscii(report)).toMatchObject({ flagged: true, valid: false });
  });

  it("--strict drops the flags: no flagged scenario, and the reproduce and replay commands keep --strict", async () => {
    const out = tempOut();
    const r = await runCli(["run", "--profile", "openstack-glance", "--strict", "--out", out, "--quiet"]);
    expect(r.code).toBe(0);
    const report = readReport(out);
    expect(report.settings.strict).toBe(true);
    expect(report.flagged).toEqual([]);
    const ids = report.statuses.flatMap((s) => s.scenarios).map((s) => s.id);
    expect(ids.filter((id) => id.includes("flagged"))).toEqual([]);
    expect(report.command).toContain("--strict");
    // With the flags dropped, non-ASCII tags are core again: a valid level of the input space, sent (and so judged)
    // by the core properties. Which property gets them is the seed's choice (a run without --seed draws one).
    expect(nonAscii(report)).toMatchObject({ flagged: false, valid: true, sent: true });
  });
});
