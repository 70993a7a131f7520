import type { RunResult } from "../engine/RunResult";
import type { Verdict } from "../engine/verdict";

/** The CLI's exit codes, documented in the README and in --help. */
export const ExitCode = {
  conformant: 0,
  nonConformant: 1,
  usage: 2,
  aborted: 3,
  incomplete: 4,
} as const;

/** Aborts that are the user's configuration to fix: exit 2, like a bad option. */
const configurationAborts = new Set(["token-rejected", "not-image-api", "tls"]);

/**
 * 1 when the target broke a rule (even if the run was cut short after, a TLS failure mid-run included); 2 for a
 * configuration the user must fix;
 * 3 when the run was cut short or left scratch images behind (or could not verify it left none); 4 incomplete; 0 conformant.
 */
export function exitCodeOf(run: RunResult, verdict: Verdict): number {
  if (verdict === "non-conformant") return ExitCode.nonConformant;
  if (run.aborted !== undefined && configurationAborts.has(run.aborted.kind)) return ExitCode.usage;
  const left = run.cleanup.leftBehind.length + run.cleanup.unverified.length;
  if (run.aborted !== undefined || left > 0) return ExitCode.aborted;
  return verdict === "conformant" ? ExitCode.conformant : ExitCode.incomplete;
}
