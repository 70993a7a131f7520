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
  target: { ...r.target, url },
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

  it("the union of the profiles' statuses, in order; null (— in Markdown) where a profile lacks one", () => {
    const m = mergeReports([
      { report: glance, source: "g" },
      { report: ims, source: "i" },
    ]);
    expect(m.statuses.map((s) => s.status)).toEqual([204, 400, 401, 403, 404, 500, 503]);
    expect(m.statuses.find((s) => s.status === 503)?.outcomes).toEqual([null, "pass"]);
    expect(m.flagged.map((f) => f.outcomes)).toEqual(glance.flagged.map((f) => [f.outcome, null]));
    const md = renderMatrixMarkdown(m);
    expect(md).toMatch(/^\| 503 \| .+ \| — \| PASS \|$/m);
  });
});
