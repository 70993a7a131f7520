import { spawn } from "node:child_process";
import { join } from "node:path";
import { RunAborted, TransportError } from "../../src/http/errors";
import { packageRoot } from "../../src/util/packageRoot";
import { doneMark, failureMark, type VerifyJob } from "./VerifyJob";

export interface VerifierRun {
  readonly job: VerifyJob;
  readonly nonce: string;
  /** The run's signal: Ctrl-C (or the target failing elsewhere) stops the verification at once. */
  readonly signal: AbortSignal | undefined;
  /** The whole verification must end within this, or the target is taken to have stopped answering. */
  readonly deadlineMs: number;
}

/**
 * Runs the verifier in a child process of its own process group: its native output stays out of the user's
 * summary, a terminal's Ctrl-C (sent to the foreground group) does not kill it behind the run's back, and it
 * exits when the run stops it, when the deadline passes, or when the parent dies (its stdin closes).
 */
export function runVerifier(run: VerifierRun): Promise<{ ok: boolean; message: string }> {
  return new Promise((resolve, reject) => {
    const script = join(packageRoot, "dist", "contracts", "verify", "verifyInteraction.js");
    // It talks only to the parent on loopback: no token, password or proxy setting of the user's.
    const withheld = /^(ITC_TOKEN|ITC_ALT_TOKEN|OS_.*|https?_proxy|HTTPS?_PROXY|ALL_PROXY|all_proxy)$/;
    const env: NodeJS.ProcessEnv = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !withheld.test(k))),
      ITC_VERIFY_JOB: JSON.stringify(run.job),
      ITC_VERIFY_NONCE: run.nonce,
    };
    const child = spawn(process.execPath, [script], { env, stdio: ["pipe", "pipe", "pipe"], detached: true });
    let stderr = "";
    let stopped: Error | undefined;
    const kill = (why: Error): void => {
      if (stopped !== undefined || child.exitCode !== null || child.pid === undefined) return;
      stopped = why;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    const onAbort = (): void => {
      kill(new RunAborted("run aborted by the user"));
    };
    run.signal?.addEventListener("abort", onAbort, { once: true });
    const deadline = setTimeout(() => {
      kill(
        new TransportError(
          `the Pact verification did not end within ${run.deadlineMs / 1000} s: the target stopped answering`,
        ),
      );
    }, run.deadlineMs);
    if (run.signal?.aborted === true) onAbort();
    child.stdout.resume();
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdin.on("error", () => undefined);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(deadline);
      run.signal?.removeEventListener("abort", onAbort);
      if (stopped !== undefined) {
        reject(stopped);
        return;
      }
      // The child ends itself with SIGKILL once its verdict is written (verifyInteraction's die): that line
      // decides, whatever the signal.
      const done = stderr.split("\n").find((l) => l.startsWith(doneMark));
      if (signal !== null && done === undefined) {
        // Killed from outside (not by this run): no verdict on the target, a fault of the suite's environment.
        const last = stderr.trim().split("\n").pop() ?? "";
        reject(new Error(`the Pact verifier child was killed by ${signal}${last === "" ? "" : `: ${last}`}`));
        return;
      }
      const marked = stderr.split("\n").find((l) => l.startsWith(failureMark));
      const message =
        marked === undefined
          ? stderr.trim().split("\n").slice(-3).join(" ")
          : (JSON.parse(marked.slice(failureMark.length)) as string);
      resolve({ ok: done === undefined ? code === 0 : done.slice(doneMark.length) === "0", message });
    });
  });
}
