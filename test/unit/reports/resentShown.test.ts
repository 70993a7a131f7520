import { exchangeView } from "../../../reports/html/exchangeView";
import { renderMarkdown } from "../../../reports/renderMarkdown";
import type { Report } from "../../../reports/Report";
import { summary } from "../../../src/cli/summary";
import { reportFixture } from "../../support/reportFixture";

/** A report whose failing scenario's first exchange went out twice (its kept-alive connection closed unanswered). */
function resentReport(): Report {
  const r = reportFixture();
  const statuses = r.statuses.map((row) => ({
    ...row,
    scenarios: row.scenarios.map((s) =>
      s.outcome === "fail"
        ? {
            ...s,
            evidence: {
              ...s.evidence,
              exchanges: s.evidence.exchanges.map((e, i) => (i === 0 ? { ...e, resent: true as const } : e)),
            },
          }
        : s,
    ),
  }));
  return { ...r, statuses, stats: { ...r.stats, resent: 2 } };
}

describe("a request sent twice is said wherever the evidence is read", () => {
  const report = resentReport();
  const resent = report.statuses
    .flatMap((s) => s.scenarios)
    .flatMap((s) => s.evidence.exchanges)
    .find((e) => e.resent === true);

  it("report.html's exchange header, report.md's exchange, and the summary line", () => {
    if (resent === undefined) throw new Error("the fixture lost its failing scenario's exchanges");
    expect(exchangeView(resent).toString()).toMatch(/resent \(its kept-alive connection closed unanswered\)/);
    expect(renderMarkdown(report)).toMatch(/\(resent: its kept-alive connection closed unanswered\)/);
    expect(summary(report, undefined, false)).toMatch(/requests \(2 resent after a closed connection\) in/);
  });

  it("says nothing when nothing was resent", () => {
    const plain = reportFixture();
    expect(renderMarkdown(plain)).not.toMatch(/\(resent: /);
    expect(summary(plain, undefined, false)).not.toMatch(/resent after a closed connection/);
  });
});
