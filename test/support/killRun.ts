import { spawn } from "node:child_process";
import { cleanEnv, cliPath } from "./cli";

/** When to kill: after a delay from the start, or a delay after the run says it is cleaning up. */
export type KillMoment = { readonly afterMs: number } | { readonly afterCleanupStartsMs: number };

export interface KilledRun {
  /** SIGKILL when the kill landed; null when the run had already ended (code then says how). */
  readonly signal: NodeJS.Signals | null;
  readonly code: number | null;
  /** Where the kill landed, from the run's progress lines on stderr. */
  readonly phase: string;
}

/** Where the run was, from its plain progress lines: "[3/30] PASS ..." per scenario, then "cleaning up". */
function phaseOf(stderr: string): string {
  if (stderr.includes("cleaning up")) return "cleanup";
  const done = [...stderr.matchAll(/^\[(\d+)\/(\d+)\]/gm)];
  const last = done[done.length - 1];
  return last === undefined
    ? "start (no scenario done)"
    : `mid-run (${last[1] ?? "?"}/${last[2] ?? "?"} scenarios done)`;
}

/** Runs the built CLI and kills it with SIGKILL (no handler can run, nothing is cleaned up) at the moment given. */
export function killRun(
  args: readonly string[],
  env: Record<string, string>,
  when: KillMoment,
): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: cleanEnv(env),
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    let phase = "";
    const kill = (): void => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      phase = phaseOf(stderr);
      child.kill("SIGKILL");
    };
    let timer: NodeJS.Timeout | undefined;
    if ("afterMs" in when) timer = setTimeout(kill, when.afterMs);
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if ("afterCleanupStartsMs" in when && timer === undefined && stderr.includes("cleaning up"))
        timer = setTimeout(kill, when.afterCleanupStartsMs);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ signal, code, phase: signal === "SIGKILL" ? phase : `finished (exit ${String(code)})` });
    });
  });
}
