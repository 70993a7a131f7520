import { mergeReports } from "../../../../reports/compare/mergeReports";
import { renderMatrixMarkdown } from "../../../../reports/compare/renderMatrixMarkdown";
import type { Report } from "../../../../reports/Report";
import { exampleReport } from "../../../support/reports";

let ims: Report;
let glance: Report;
beforeAll(async () => {
  ims = await exampleReport();
  glance = await exampleReport({ profile: "openstack-glance" });
});

const at = (r: Report, url: string, product?: Report["product"]): Report => ({
  ...r,
  target: { ...r.target, kind: "live", url },
  ...(product === undefined ? {} : { product }),
});

describe("mergeReports", () => {
  it("columns named by product, else host; unique even when two runs share both", () => {
    const m = mergeReports([
      { report: at(ims, "https://image.eu-de.example.com", { name: "IMS", version: "23.1" }), source: "a" },
      { report: at(ims, "https://image.eu-nl.example.com", { name: "IMS", version: "23.1" }), source: "b" },
      { report: at(glance, "http://lab:9292/"), source: "c" },
      { report: at(glance, "http://lab:9292/"), source: "d" },
    ]);
    expect(m.targets.map((t) => t.label)).toEqual([
      "IMS 23.1 (image.eu-de.example.com)",
      "IMS 23.1 (image.eu-nl.example.com)",
      "lab:9292 #3",
      "lab:9292 #4",
    ]);
  });

  it("the embedded reference's column is named so, and merged.md says that it certifies nothing", () => {
    const m = mergeReports([{ report: ims, source: "e" }]);
    const host = new URL(ims.target.url).host;
    expect(m.targets.map((t) => t.label)).toEqual([`embedded reference (${host})`]);
    expect(renderMatrixMarkdown(m)).toMatch(/^An embedded reference column .* certifies no cloud\.$/m);
    expect(renderMatrixMarkdown(mergeReports([{ report: at(ims, "https://x"), source: "x" }]))).not.toMatch(
      /certifies no cloud/,
    );
  });

  it("the union of the profiles' statuses, in order; null (— in Markdown) where a profile lacks one", () => {
    const m = mergeReports([
      { report: glance, source: "g" },
      { report: ims, source: "i" },
    ]);
    expect(m.statuses.map((s) => s.status)).toEqual([204, 400, 401, 403, 404, 500, 503]);
    expect(m.statuses.find((s) => s.status === 503)?.outcomes).toEqual([null, "pass"]);
    expect(m.statuses.find((s) => s.status === 503)?.labels).toEqual([null, "PASS"]);
    expect(m.flagged.map((f) => f.outcomes)).toEqual(glance.flagged.map((f) => [f.outcome, null]));
    const md = renderMatrixMarkdown(m);
    expect(md).toMatch(/^\| 503 \| .+ \| — \| PASS \|$/m);
  });

  it("a flagged rule failing as its flag allows is FLAGGED in merged.json and merged.md, as in every output", () => {
    const flagged = glance.flagged.map((f, i) => ({ ...f, outcome: "fail" as const, breached: i === 1 }));
    const m = mergeReports([{ report: { ...glance, flagged }, source: "g" }]);
    expect(m.flagged.map((f) => [f.id, f.outcomes, f.labels])).toEqual([
      [flagged[0]?.id, ["fail"], ["FLAGGED"]],
      [flagged[1]?.id, ["fail"], ["FAIL"]],
    ]);
    const md = renderMatrixMarkdown(m);
    expect(md).toMatch(new RegExp(`^\\| \`${flagged[0]?.id ?? ""}\` \\| FLAGGED \\|$`, "m"));
  });

  it("a row whose core scenarios did not all run is not PASS, even in a report written as PASS", () => {
    // What 27ef43b wrote for an interrupted run: 204 PASS with one core scenario not exercised.
    const statuses = ims.statuses.map((r) =>
      r.status !== 204
        ? r
        : {
            ...r,
            outcome: "pass" as const,
            scenarios: r.scenarios.map((s, i) =>
              i === 0 ? { ...s, outcome: "not-exercised" as const, cause: "interrupted" as const } : s,
            ),
          },
    );
    expect(statuses.find((r) => r.status === 204)?.scenarios.some((s) => s.outcome === "pass")).toBe(true);
    const m = mergeReports([{ report: { ...ims, statuses }, source: "i" }]);
    expect(m.statuses.find((s) => s.status === 204)?.outcomes).toEqual(["not-exercised"]);
    expect(renderMatrixMarkdown(m)).toMatch(/^\| 204 \| .+ \| NOT EXERCISED \|$/m);
  });
});
