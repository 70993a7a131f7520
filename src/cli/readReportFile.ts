import { readFileSync } from "node:fs";
import type { Report } from "../../reports/Report";
import { validateReport } from "../../reports/validateReport";
import { ConfigError } from "../config/ConfigError";

/** At most this many bytes: a report.json of a full run is well under 10 MB. */
const maxBytes = 64 * 1024 * 1024;

/** Reads a report.json and checks it against reports/report.schema.json; bad input is a one-line ConfigError. */
export function readReportFile(path: string): Report {
  let text: string;
  try {
    const bytes = readFileSync(path);
    if (bytes.length > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
    text = bytes.toString("utf8");
  } catch (error) {
    throw new ConfigError(
      "usage",
      `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      "usage",
      `${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const problems = validateReport(value);
  if (problems.length > 0)
    throw new ConfigError(
      "usage",
      `${path} is not a report.json of this suite version (reports/report.schema.json): ${problems.slice(0, 3).join("; ")}`,
    );
  return value as Report;
}
