import { mergeReports } from "../../../reports/compare/mergeReports";
import { renderMatrixMarkdown } from "../../../reports/compare/renderMatrixMarkdown";
import type { Report } from "../../../reports/Report";
import { renderHtml } from "../../../reports/renderHtml";
import { renderJunit } from "../../../reports/renderJunit";
import { renderMarkdown } from "../../../reports/renderMarkdown";
import { renderMatrixHtml } from "../../../reports/renderMatrixHtml";
import { styles } from "../../../reports/html/styles";
import { githubSummary } from "../../../src/cli/ci/githubSummary";
import { summary } from "../../../src/cli/summary";
import { reportFixture } from "../../support/reportFixture";

/**
 * Issue 22 item 8: the same words (PASS, FAIL, FLAGGED, FINDING, NOT EXERCISED) in every output. The fixture's
 * astral-plane flag failed only as its flag allows: FLAGGED everywhere, never FAIL.
 */
describe("one vocabulary across outputs", () => {
  // A rule as long as the profiles' own (openstack-glance's non-ascii-in-path is 233 characters).
  const rule = `A tag with a character outside US-ASCII is the same tag in the path as in JSON bodies; ${"and so on, ".repeat(25)}end.`;
  const report: Report = {
    ...reportFixture(),
    flagged: reportFixture().flagged.map((f) => ({ ...f, rule })),
  };
  const flag = report.flagged[0];
  if (flag === undefined) throw new Error("the fixture has a flagged rule");

  it("the terminal: FLAGGED", () => {
    expect(summary(report, undefined, false)).toContain(`${flag.id} FLAGGED (excuses:`);
  });

  it("summary.md: FLAGGED, and what the rule requires, whole", () => {
    const md = githubSummary(report);
    expect(md).toContain(`| \`${flag.id}\` | FLAGGED | \`${flag.scenario}\` | ${rule} |`);
    expect(md).not.toMatch(/… \(\d+ chars\)/);
  });

  it("report.md: FLAGGED in the flagged rules and under the scenario; FINDING for the extended tier", () => {
    const md = renderMarkdown(report);
    expect(md).toMatch(new RegExp(`^\\| \`${flag.id}\` \\(\`${flag.scenario}\`\\) \\| FLAGGED \\|`, "m"));
    expect(md).toContain(`- **FLAGGED** \`${flag.scenario}\``);
    expect(md).toContain("- **FINDING** `204-concurrent-distinct-tags`");
    expect(md).toContain("- **FAIL** `204-delete-present-tag`");
  });

  it("report.html: FLAGGED, and a Requires column wide enough not to wrap word by word", () => {
    const html = renderHtml(report);
    expect(html).toMatch(
      /<td><span class="badge b-flagged">FLAGGED<\/span><\/td><td class="requires">A tag with/,
    );
    expect(styles).toMatch(/table\.flagged td\.requires\{min-width:\d+em\}/);
  });

  it("junit.xml: FLAGGED", () => {
    expect(renderJunit(report)).toMatch(/<skipped message="FLAGGED: /);
  });

  it("merged.json, merged.md and merged.html: FLAGGED", () => {
    const m = mergeReports([{ report, source: "r" }]);
    expect(m.flagged).toEqual([{ id: flag.id, outcomes: ["fail"], labels: ["FLAGGED"] }]);
    expect(renderMatrixMarkdown(m)).toMatch(new RegExp(`^\\| \`${flag.id}\` \\| FLAGGED \\|$`, "m"));
    expect(renderMatrixHtml([report])).toMatch(
      new RegExp(`<tr data-flag="${flag.id}">.*<span class="badge b-flagged">FLAGGED</span>`),
    );
  });

  it("a flagged rule that broke a rule no flag excuses is FAIL in every one of them", () => {
    const breached: Report = { ...report, flagged: [{ ...flag, breached: true }] };
    expect(summary(breached, undefined, false)).toContain(`${flag.id} FAIL (broke a rule no flag excuses)`);
    expect(githubSummary(breached)).toContain(`| \`${flag.id}\` | FAIL |`);
    expect(renderMarkdown(breached)).toMatch(
      new RegExp(`^\\| \`${flag.id}\` \\(\`${flag.scenario}\`\\) \\| FAIL \\|`, "m"),
    );
    expect(mergeReports([{ report: breached, source: "r" }]).flagged[0]?.labels).toEqual(["FAIL"]);
  });
});
