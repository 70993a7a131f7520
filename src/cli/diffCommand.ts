import { parseArgs } from "node:util";
import { diffReports } from "../../reports/compare/diffReports";
import { ConfigError } from "../config/ConfigError";
import { colourEnabled } from "./colour";
import { ExitCode } from "./exitCodes";
import { diffHelp } from "./help";
import { readReportFile } from "./readReportFile";
import { renderDiff } from "./renderDiff";

export const options = { help: { type: "boolean", short: "h" } } as const;

/**
 * `diff A/report.json B/report.json`: what changed from run A to run B. Exit 1 when something that passed in A
 * fails in B (so it can gate an upgrade), 0 otherwise, 2 when a file is unreadable or not a valid report.
 */
export function diffCommand(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options,
    strict: true,
    allowPositionals: true,
  });
  if (values.help === true) {
    console.log(diffHelp);
    return ExitCode.conformant;
  }
  const [pathA, pathB, ...extra] = positionals;
  if (pathA === undefined || pathB === undefined || extra.length > 0)
    throw new ConfigError("usage", `diff takes two report.json files, A (before) and B (after)`);
  const a = readReportFile(pathA);
  const b = readReportFile(pathB);
  console.log(`A: ${pathA} (${a.verdict}, ${a.target.url}, ${a.finishedAt})`);
  console.log(`B: ${pathB} (${b.verdict}, ${b.target.url}, ${b.finishedAt})`);
  const d = diffReports(a, b);
  console.log(renderDiff(d, colourEnabled(process.stdout)));
  return d.regressions > 0 ? ExitCode.nonConformant : ExitCode.conformant;
}
