import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { toHar } from "../../reports/renderHar";
import type { RunResult } from "../engine/RunResult";
import type { Redactor } from "../http/Redactor";
import { suiteVersion } from "../util/suiteVersion";

/**
 * --har <file>: the run's exchanges as HAR 1.2. Exchanges are redacted as they are recorded; the redactor is
 * the last guard here too, as for report.json.
 */
export function writeHar(path: string, run: RunResult, redactor: Redactor): void {
  // Every exchange of the run when it kept them (--har asks it to), else the evidence ones.
  const exchanges = run.exchanges ?? run.results.flatMap((r) => r.exchanges);
  const har = toHar(exchanges, run.target.baseUrl, {
    suiteVersion,
    startedAt: run.startedAt,
    runId: run.runId,
    startedMs: (e) => e.startedMs,
  });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(redactor.redactDeep(har), null, 2)}\n`);
}
