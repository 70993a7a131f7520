import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Redactor } from "../src/http/Redactor";
import type { Report } from "./Report";
import { renderHtml } from "./renderHtml";
import { renderJunit } from "./renderJunit";
import { renderMarkdown } from "./renderMarkdown";
import { validateReport } from "./validateReport";

/** The report did not match reports/report.schema.json: a bug in the suite, never written silently. */
export class InvalidReportError extends Error {
  override readonly name = "InvalidReportError";
}

export interface WrittenReports {
  readonly json: string;
  readonly junit: string;
  readonly markdown: string;
  readonly html: string;
}

function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/**
 * Redacts the report once more, validates it, then writes report.json, junit.xml, report.md and report.html
 * (removing an attestation.json of an earlier run there, which would no longer hold); no file ever holds a secret. Returns the redacted report: whatever is printed must come from it.
 */
export function writeReports(
  unguarded: Report,
  dir: string,
  redactor: Redactor,
): { readonly report: Report; readonly files: WrittenReports } {
  // Last guard: exchanges are redacted as they are recorded; nothing that slipped past is written either.
  const report = redactor.redactDeep(unguarded);
  const problems = validateReport(report);
  if (problems.length > 0)
    throw new InvalidReportError(`report.json does not match its schema: ${problems.slice(0, 3).join("; ")}`);
  mkdirSync(dir, { recursive: true });
  // Only --force lets a run write where a signed run was: its attestation would no longer hold, so it goes.
  rmSync(join(dir, "attestation.json"), { force: true });
  const files: WrittenReports = {
    json: join(dir, "report.json"),
    junit: join(dir, "junit.xml"),
    markdown: join(dir, "report.md"),
    html: join(dir, "report.html"),
  };
  const texts: [string, string][] = [
    [files.json, `${JSON.stringify(report, null, 2)}\n`],
    [files.junit, renderJunit(report)],
    [files.markdown, renderMarkdown(report)],
    [files.html, renderHtml(report)],
  ];
  for (const [path, text] of texts) writeAtomically(path, text);
  return { report, files };
}
