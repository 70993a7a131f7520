import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { mergeReports } from "../../reports/compare/mergeReports";
import { renderMatrixHtml } from "../../reports/renderMatrixHtml";
import { renderMatrixMarkdown } from "../../reports/compare/renderMatrixMarkdown";
import { ConfigError } from "../config/ConfigError";
import { ExitCode } from "./exitCodes";
import { mergeHelp } from "./help";
import { readReportFile } from "./readReportFile";

export const options = { out: { type: "string" }, help: { type: "boolean", short: "h" } } as const;

function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/**
 * `merge report.json... [--out dir]`: one matrix (documented statuses × targets) of a CI matrix's runs, as
 * merged.json and merged.md. Exit 0 once written (each run's own exit code is its job's gate), 2 on bad input.
 */
export function mergeCommand(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options,
    strict: true,
    allowPositionals: true,
  });
  if (values.help === true) {
    console.log(mergeHelp);
    return ExitCode.conformant;
  }
  if (positionals.length === 0) throw new ConfigError("usage", "merge takes one or more report.json files");
  const inputs = positionals.map((source) => ({ report: readReportFile(source), source }));
  const matrix = mergeReports(inputs);
  const dir = values.out ?? "reports/merged";
  mkdirSync(dir, { recursive: true });
  const files: (readonly [string, string])[] = [
    [join(dir, "merged.json"), `${JSON.stringify(matrix, null, 2)}\n`],
    [join(dir, "merged.md"), renderMatrixMarkdown(matrix)],
    [join(dir, "merged.html"), renderMatrixHtml(inputs.map((i) => i.report))],
  ];
  for (const [path, text] of files) writeAtomically(path, text);
  for (const t of matrix.targets)
    console.log(`  ${t.verdict.padEnd(14)} ${t.label} (${t.profile}, ${t.url})`);
  console.log(`merged: ${matrix.targets.length} reports → ${files.map(([path]) => path).join(", ")}`);
  return ExitCode.conformant;
}
