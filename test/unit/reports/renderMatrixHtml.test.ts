import { mergeReports } from "../../../reports/compare/mergeReports";
import { renderMatrixMarkdown } from "../../../reports/compare/renderMatrixMarkdown";
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
      {
        ...(broken.statuses[0] ?? { status: 204, description: "", scenarios: [] }),
        outcome: "pass",
        scenarios: (broken.statuses[0]?.scenarios ?? []).map((s) => ({ ...s, outcome: "pass" })),
      },
      {
        status: 404,
        description: "Not Found",
        outcome: "pass",
        scenarios: (broken.statuses[0]?.scenarios ?? [])
          .slice(0, 1)
          .map((s) => ({ ...s, id: "404-absent-tag", outcome: "pass" })),
      },
    ],
  };
  const page = renderMatrixHtml([broken, good]);
  const headers = [...page.matchAll(/<th scope="col">(.*?)<\/th>/gs)].map((m) => m[1] ?? "");

  it("has a column per target with its verdict as a word", () => {
    // The status matrix and the flagged-rules matrix each have a column per target; then the runs' table.
    expect(headers).toHaveLength(3 + 3 + 6);
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

  it("has the flagged-rules matrix merged.md and merged.json have, in the same words", () => {
    const flags = [...page.matchAll(/<tr data-flag="([^"]+)">(.*?)<\/tr>/gs)].map((m) => [
      m[1],
      [...(m[2] ?? "").matchAll(/<td>(.*?)<\/td>/gs)].map(
        (c) => />([A-Z ]+)<\/span>/.exec(c[1] ?? "")?.[1] ?? "not flagged",
      ),
    ]);
    expect(flags).toEqual([["astral-plane", ["FLAGGED", "FLAGGED"]]]);
  });

  it("names each column as merged.md does, and says that an embedded reference column certifies nothing", () => {
    // A run named no product: its column is named after the target, as merged.md names it.
    const { product, ...unnamed } = reportFixture();
    expect(product).toBeDefined();
    const embedded: Report = {
      ...unnamed,
      verdict: "conformant",
      exitCode: 0,
      statuses: good.statuses,
      target: { kind: "embedded", url: "http://127.0.0.1:37171", versions: null },
    };
    const both = renderMatrixHtml([broken, embedded]);
    const md = renderMatrixMarkdown(
      mergeReports([
        { report: broken, source: "a" },
        { report: embedded, source: "b" },
      ]),
    );
    expect(both).toContain('<span class="target">embedded reference (127.0.0.1:37171)</span>');
    expect(md).toMatch(
      /^\| Status \| Description \| Example Cloud .* \| embedded reference \(127\.0\.0\.1:37171\) \|$/m,
    );
    expect(both).toContain("it tests the suite itself and certifies no cloud.");
    expect(page).not.toContain("certifies no cloud");
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
