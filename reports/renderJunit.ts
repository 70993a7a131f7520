import builder from "junit-report-builder";
import { outcomeLabel } from "./outcomeLabel";
import { profileLabel } from "./profileLabel";
import type { Report } from "./Report";

/**
 * JUnit XML: a test suite per documented status, a test case per scenario. A failure that decides the verdict is
 * a <failure type="non-conformant">; a flagged rule failing as its flag allows, an extended-tier finding and a
 * scenario not exercised are <skipped> with FLAGGED, FINDING or NOT EXERCISED and the reason, never a plain pass.
 */
export function renderJunit(report: Report): string {
  const junit = builder.newBuilder();
  const profile = profileLabel(report);
  // junit-report-builder writes a bare <skipped/>; each gets its label and reason as a message, in order.
  const skippedMessages: string[] = [];
  for (const row of report.statuses) {
    const suite = junit.testSuite().name(`${profile} ${row.status} ${row.description}`);
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
        .standardOutput(`NOT EXERCISED: ${row.reason ?? ""}`);
      skippedMessages.push(`NOT EXERCISED: ${row.reason ?? ""}`);
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
          : `\nseed: ${p.seed}, cases: ${p.runs} of ${p.planned}${p.counterexample === undefined ? "" : `\ncounterexample: ${p.counterexample}\nreplay: ${p.replay ?? ""}\ncurl: ${p.curl ?? ""}`}`;
      const breaches = s.breaches
        .map((b) => `\nbreaks a rule of every tier: ${b.rule}: ${b.detail}`)
        .join("");
      const text = `expected: ${s.expected}\nobserved: ${s.observed}${s.reason === undefined ? "" : `\nreason: ${s.reason}`}${breaches}${replay}`;
      const label = outcomeLabel(s);
      if (label === "FAIL") {
        const why =
          s.breaches[0] === undefined
            ? (s.reason ?? "failed")
            : `${s.breaches[0].rule}: ${s.breaches[0].detail}`;
        tc.failure(why, "non-conformant").standardOutput(text);
      } else if (label === "PASS") tc.standardOutput(text);
      else {
        const note =
          label === "FLAGGED"
            ? "flagged rule failed as its flag allows (not part of the verdict; --strict requires it)"
            : label === "FINDING"
              ? "extended-tier finding (not part of the verdict)"
              : (s.cause ?? "");
        tc.skipped().standardOutput(`${label}: ${note}\n${text}`);
        skippedMessages.push(`${label}: ${s.reason ?? note}`);
      }
    }
  }
  let next = 0;
  return junit
    .build()
    .replace(/<skipped\/>/g, () => `<skipped message="${escapeAttribute(skippedMessages[next++] ?? "")}"/>`);
}

function escapeAttribute(text: string): string {
  return (
    text
      .slice(0, 500)
      .replace(/&/g, "&amp;")
      .replace(/"/g, "&quot;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      // XML 1.0 allows no control character but tab, newline and carriage return.
      .replace(/[^\t\n\r\u0020-\uffff]/gu, "")
  );
}
