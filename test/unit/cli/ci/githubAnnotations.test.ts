import { escapeData, escapeProperty, githubAnnotations } from "../../../../src/cli/ci/githubAnnotations";
import { githubSummary } from "../../../../src/cli/ci/githubSummary";
import type { Report } from "../../../../reports/Report";
import { exampleReport } from "../../../support/reports";

/** A copy of a report whose first failing scenario's reason is replaced. */
function withReason(report: Report, reason: string): Report {
  let done = false;
  return {
    ...report,
    statuses: report.statuses.map((row) => ({
      ...row,
      scenarios: row.scenarios.map((s) => {
        if (done || s.outcome !== "fail") return s;
        done = true;
        return { ...s, reason };
      }),
    })),
  };
}

describe("GitHub workflow commands", () => {
  it("escapes a message as GitHub's toolkit does: % first, then CR and LF", () => {
    expect(escapeData("100% done\r\nnext")).toBe("100%25 done%0D%0Anext");
    // A literal "%0A" in the text stays literal: the % is escaped before anything else.
    expect(escapeData("a%0Ab")).toBe("a%250Ab");
    expect(escapeData("a: b, c")).toBe("a: b, c");
  });

  it("escapes a property also for : and , (they separate properties)", () => {
    expect(escapeProperty("FAIL 204: a, b")).toBe("FAIL 204%3A a%2C b");
    expect(escapeProperty("50%\n")).toBe("50%25%0A");
  });

  it("a failing core scenario is an ::error line; a target's newline cannot start a command of its own", async () => {
    const report = withReason(
      await exampleReport({ mutant: "status-200" }),
      "got 200\n::error::forged, by the target",
    );
    const lines = githubAnnotations(report);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => !l.includes("\n") && !l.includes("\r"))).toBe(true);
    expect(lines[0]).toBe(
      "::error title=FAIL 204 204-delete-present-tag::got 200%0A::error::forged, by the target",
    );
    const failing = report.statuses
      .flatMap((r) => r.scenarios)
      .filter((s) => s.tier === "core" && s.outcome === "fail");
    expect(lines.filter((l) => l.startsWith("::error title=FAIL "))).toHaveLength(failing.length);
  });

  it("a conformant report has no ::error; a flagged rule that failed is a ::warning", async () => {
    const report = await exampleReport({ profile: "openstack-glance" });
    expect(githubAnnotations(report)).toEqual([]);
    const flag = report.flagged[0];
    if (flag === undefined) throw new Error("openstack-glance has flagged rules");
    const failed: Report = { ...report, flagged: [{ ...flag, outcome: "fail" }, ...report.flagged.slice(1)] };
    const lines = githubAnnotations(failed);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^::warning title=FLAGGED ${flag.id} \\(${flag.scenario}\\)::`));
  });

  it("a report finding is a ::warning; the summary lists it under findings", async () => {
    const report: Report = {
      ...(await exampleReport()),
      findings: [
        {
          id: "stored-despite-400",
          title: "400, but stored",
          detail: "a 400 | stored the tag",
          exchanges: [],
        },
      ],
    };
    expect(githubAnnotations(report)).toEqual([
      "::warning title=FINDING stored-despite-400::400, but stored: a 400 | stored the tag",
    ]);
    expect(githubSummary(report)).toMatch(
      /^### Findings \(reported, not part of the verdict\)\n\n- 400, but stored: a 400 \\\| stored the tag$/m,
    );
  });

  it("the summary keeps a table whole when a target's text holds a pipe or a newline", async () => {
    const report = await exampleReport();
    const row = report.statuses[0];
    if (row === undefined) throw new Error("no row");
    const md = githubSummary({ ...report, statuses: [{ ...row, description: "a | b\n| 999 | FAKE |" }] });
    expect(md).toMatch(/^\| 204 \| PASS \| \d+\/\d+ \| a \\\| b \\\| 999 \\\| FAKE \\\| \|$/m);
    expect(md).not.toMatch(/^\| 999/m);
  });
});
