import { readFileSync } from "node:fs";
import { buildReport } from "../../../reports/buildReport";
import type { Report } from "../../../reports/Report";
import { validateReport } from "../../../reports/validateReport";
import { InvalidReportError, writeReports } from "../../../reports/writeReports";
import { runSuite } from "../../../src/engine/runSuite";
import { allScenarios } from "../../../suites";
import { defaultRunSettings } from "../../../src/engine/RunSettings";
import { Redactor } from "../../../src/http/Redactor";
import { findMutant } from "../../../src/mutants/catalog";
import { defaultBehaviour } from "../../../src/reference/defaultBehaviour";
import { profile } from "../../support/profiles";
import { withReference, tokens } from "../../support/reference";
import { targetFor } from "../../support/targets";
import { tempFolder } from "../../support/tempFolder";

async function reportOf(mutant?: string, alt = true): Promise<Report> {
  const p = await profile("huawei-ims");
  const m = mutant === undefined ? undefined : findMutant(mutant);
  return await withReference(
    p,
    m === undefined ? {} : { behaviour: m.apply(defaultBehaviour) },
    async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url, { faults: ref.faults, alt }),
        runId: "r1",
        scenarios: allScenarios.filter((s) => s.kind === "example"),
      });
      return buildReport(run, {
        command: "image-tag-conformance run",
        exitCode: 0,
        settings: defaultRunSettings,
      });
    },
  );
}

describe("reports", () => {
  it("report.json has a valid row for every documented status, in order", async () => {
    const report = await reportOf();
    expect(validateReport(report)).toEqual([]);
    expect(report.statuses.map((s) => s.status)).toEqual([204, 400, 401, 403, 404, 500, 503]);
    expect(report.statuses.every((s) => s.outcome === "pass")).toBe(true);
    expect(report.openapiSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.profileSource).toBe("openapi/huawei-ims.yaml");
  });

  it("a failing row names its scenarios and the evidence holds the failing exchange", async () => {
    const report = await reportOf("status-200");
    const row = report.statuses.find((s) => s.status === 204);
    expect(row?.outcome).toBe("fail");
    expect(row?.reason).toMatch(/204-delete-present-tag/);
    const scenario = row?.scenarios[0];
    expect(
      scenario?.evidence.exchanges.some((e) => e.operationId === "deleteImageTag" && e.status === 200),
    ).toBe(true);
    expect(validateReport(report)).toEqual([]);
  });

  it("a row with no scenario exercised is not-exercised with a reason", async () => {
    const report = await reportOf(undefined, false);
    const row = report.statuses.find((s) => s.status === 403);
    expect(row).toMatchObject({ outcome: "not-exercised" });
    expect(row?.reason).toMatch(/--alt-token/);
    expect(report.verdict).toBe("incomplete");
  });

  it("writes report.json, junit.xml, report.md and report.html with no token in any of them", async () => {
    const report = await reportOf("tag-kept");
    const dir = tempFolder("itc-reports-");
    const { files } = writeReports(report, dir, new Redactor([tokens.owner, tokens.alt]));
    const all = [files.json, files.junit, files.markdown, files.html].map((f) => readFileSync(f, "utf8"));
    for (const text of all) {
      expect(text).not.toContain(tokens.owner);
      expect(text).not.toContain(tokens.alt);
    }
    expect(JSON.parse(all[0] ?? "")).toEqual(JSON.parse(JSON.stringify(report)));
    const junit = all[1] ?? "";
    expect(junit.match(/<testcase /g)?.length).toBe(report.statuses.flatMap((r) => r.scenarios).length);
    expect(junit).toMatch(/<failure message="[^"]*tag removed/);
    expect(all[2]).toMatch(/\| 204 \| .* \| FAIL \|/);
    expect(all[3]).toMatch(/<tr class="edge-b-fail" data-status="204">/);
  });

  it("the last guard redacts a secret that reached the report some other way", async () => {
    const report = { ...(await reportOf()), command: `run ${tokens.owner}` };
    const dir = tempFolder("itc-reports-");
    const { files } = writeReports(report, dir, new Redactor([tokens.owner]));
    expect(readFileSync(files.json, "utf8")).not.toContain(tokens.owner);
  });

  it("refuses to write a report that breaks its schema", async () => {
    const report = { ...(await reportOf()), verdict: "fine" } as unknown as Report;
    expect(() => writeReports(report, tempFolder("itc-"), new Redactor([]))).toThrow(InvalidReportError);
  });
});
