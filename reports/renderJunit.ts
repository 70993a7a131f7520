import builder from "junit-report-builder";
import type { Report } from "./Report";

/** JUnit XML: a test suite per documented status, a test case per scenario; not exercised is skipped, with why. */
export function renderJunit(report: Report): string {
  const junit = builder.newBuilder();
  for (const row of report.statuses) {
    const suite = junit.testSuite().name(`${report.profile} ${row.status} ${row.description}`);
    suite
      .property("verdict", report.verdict)
      .property("target", report.target.url)
      .property("runId", report.runId);
    if (row.scenarios.length === 0) {
      suite
        .testCase()
        .className(`${report.profile}.${row.status}`)
        .name(`${row.status}: no scenario`)
        .skipped()
        .standardOutput(row.reason ?? "");
    }
    for (const s of row.scenarios) {
      const tc = suite
        .testCase()
        .className(`${report.profile}.${row.status}`)
        .name(`${s.id}: ${s.title}`)
        .time(s.durationMs / 1000);
      const p = s.property;
      const replay =
        p === undefined
          ? ""
          : `\nseed: ${p.seed}, cases: ${p.runs}${p.counterexample === undefined ? "" : `\ncounterexample: ${p.counterexample}\nreplay: ${p.replay ?? ""}\ncurl: ${p.curl ?? ""}`}`;
      const text = `expected: ${s.expected}\nobserved: ${s.observed}${s.reason === undefined ? "" : `\nreason: ${s.reason}`}${replay}`;
      if (s.outcome === "fail" && s.tier === "extended")
        tc.standardOutput(`FINDING (extended tier, not part of the verdict)\n${text}`);
      else if (s.outcome === "fail" && s.tier === "flagged")
        tc.standardOutput(`FLAGGED rule failed (not part of the verdict; --strict requires it)\n${text}`);
      else if (s.outcome === "fail") tc.failure(s.reason ?? "failed", "non-conformant").standardOutput(text);
      else if (s.outcome === "not-exercised") tc.skipped().standardOutput(text);
      else tc.standardOutput(text);
    }
  }
  return junit.build();
}
