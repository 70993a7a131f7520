import type { Report } from "../../../reports/Report";
import { renderMatrixHtml } from "../../../reports/renderMatrixHtml";
import { hostile, reportFixture } from "../../support/reportFixture";

describe("renderMatrixHtml", () => {
  const broken = reportFixture();
  const good: Report = {
    ...broken,
    verdict: "conformant",
    exitCode: 0,
    product: { name: "Other cloud" },
    statuses: [
      { ...(broken.statuses[0] ?? { status: 204, description: "", scenarios: [] }), outcome: "pass" },
      { status: 404, description: "Not Found", outcome: "pass", scenarios: [] },
    ],
  };
  const page = renderMatrixHtml([broken, good]);
  const headers = [...page.matchAll(/<th scope="col">(.*?)<\/th>/gs)].map((m) => m[1] ?? "");

  it("has a column per target with its verdict as a word", () => {
    expect(headers).toHaveLength(3 + 6);
    expect(headers[1]).toContain(">NON-CONFORMANT</span>");
    expect(headers[1]).toContain("Cloud &lt;/script&gt;");
    expect(headers[2]).toContain(">CONFORMANT</span>");
    expect(headers[2]).toContain("Other cloud");
  });

  it("has a row per documented status of any target, and says where a profile lacks one", () => {
    const rows = [...page.matchAll(/<tr data-status="(\d+)">(.*?)<\/tr>/gs)].map((m) => [
      m[1],
      [...(m[2] ?? "").matchAll(/<td>(.*?)<\/td>/gs)].map(
        (c) => />([A-Z ]+)<\/span>/.exec(c[1] ?? "")?.[1] ?? "not documented",
      ),
    ]);
    expect(rows).toEqual([
      ["204", ["FAIL", "PASS"]],
      ["403", ["NOT EXERCISED", "not documented"]],
      ["404", ["not documented", "PASS"]],
    ]);
    expect(page).toContain("not documented by this profile");
  });

  it("escapes every string and fetches nothing", () => {
    expect(page).not.toContain("<script>alert");
    expect(page.split("<script").length - 1).toBe(1);
    expect(page).toContain("default-src &#39;none&#39;");
    expect(hostile).toContain("<script>");
  });

  it("renders an empty list as a page that says so", () => {
    expect(renderMatrixHtml([])).toContain("No report was given.");
  });
});
