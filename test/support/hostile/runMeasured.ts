import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { cleanEnv, cliPath } from "../cli";

export interface MeasuredRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
  /** The CLI process's peak resident set (VmRSS, polled every 20 ms), in MB; undefined without /proc. */
  readonly peakRssMb: number | undefined;
  /** It was killed at the hard limit: it hung. */
  readonly killed: boolean;
}

function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m?.[1] === undefined ? undefined : Number(m[1]) / 1024;
  } catch {
    return undefined;
  }
}

/** Runs the built CLI, timing it, sampling its memory, and killing it (SIGKILL) if it outlives `hardLimitMs`. */
export function runMeasured(
  args: readonly string[],
  env: Record<string, string>,
  hardLimitMs: number,
): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: cleanEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let peak: number | undefined;
    let killed = false;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const sample = (): void => {
      const now = child.pid === undefined ? undefined : rssMb(child.pid);
      if (now !== undefined) peak = Math.max(peak ?? 0, now);
    };
    const poll = setInterval(sample, 20);
    const limit = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, hardLimitMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearInterval(poll);
      clearTimeout(limit);
      resolve({
        code,
        signal,
        stdout,
        stderr,
        wallMs: performance.now() - started,
        peakRssMb: peak,
        killed,
      });
    });
  });
}
