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

export function exitCodeOf(run: RunResult, verdict: Verdict): number {
  if (run.aborted?.kind === "token-rejected") return ExitCode.usage;
  if (run.aborted !== undefined) return ExitCode.aborted;
  if (verdict === "conformant") return ExitCode.conformant;
  return verdict === "non-conformant" ? ExitCode.nonConformant : ExitCode.incomplete;
}
