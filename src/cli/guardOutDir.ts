import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError } from "../config/ConfigError";

/** The default --out: it holds the latest run, and the next run replaces it (unless it is signed). */
export const defaultOutDir = "reports/latest";

/** The files a run writes; a folder holding any of them holds a run's report. */
const reportFiles = ["report.json", "junit.xml", "report.md", "report.html"];

function runIdIn(dir: string): string | undefined {
  try {
    const id = (JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as { runId?: unknown }).runId;
    return typeof id === "string" ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Refuses, before anything runs, an --out folder that holds signed evidence (attestation.json) or another run's
 * report: writing there would replace it (and leave an attestation that no longer verifies). reports/latest,
 * the default, is the latest run's and is replaced by the next unless it is signed. --force writes anyway.
 */
export function guardOutDir(dir: string, force: boolean): void {
  if (force) return;
  if (existsSync(join(dir, "attestation.json")))
    throw new ConfigError(
      "bad-option",
      `--out ${dir} holds a signed run (attestation.json): a run never writes over signed evidence; give a fresh --out (or --force to replace it)`,
    );
  if (resolve(dir) === resolve(defaultOutDir)) return;
  const found = reportFiles.find((f) => existsSync(join(dir, f)));
  if (found === undefined) return;
  const id = runIdIn(dir);
  throw new ConfigError(
    "bad-option",
    `--out ${dir} holds another run's report (${found}${id === undefined ? "" : `, run ${id}`}): give a fresh --out (or --force to replace it)`,
  );
}
