import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { cleanEnv, cliPath, tempOut } from "../support/cli";
import { startHostileTarget } from "../support/hostileTarget";
import { tokens } from "../support/reference";

// Issue 20, item 9: SIGKILL of a run during the Pact verification left the verifier child running for 30-90 s
// and an itc-pact-* folder in $TMPDIR. The child must die with its parent, promptly, and nothing of the run may
// stay in $TMPDIR.

/** The pids of a process's children whose command line contains `marker`. */
function childrenOf(pid: number, marker: string): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return ppid === pid && readFileSync(`/proc/${d}/cmdline`, "utf8").includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const alive = (pid: number): boolean =>
  existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe("SIGKILL during the Pact verification", () => {
  it("the verifier child dies with the run within 2 s, and the run leaves nothing in $TMPDIR", async () => {
    // Each tag DELETE is held 3 s: the verification is surely under way when the kill lands.
    const target = await startHostileTarget({ mode: "slow-deletes", deleteDelayMs: 3000 });
    const tmp = mkdtempSync(join(tmpdir(), "itc-verifier-kill-"));
    const out = tempOut();
    let verifier: number | undefined;
    try {
      const run = spawn(
        process.execPath,
        [cliPath, "verify-contracts", "--target", target.url, "--rate", "0", "--out", out, "--quiet"],
        {
          env: cleanEnv({ ITC_TOKEN: tokens.owner, ITC_ALT_TOKEN: tokens.alt, TMPDIR: tmp }),
          stdio: "ignore",
        },
      );
      const pid = run.pid ?? -1;
      const until = performance.now() + 30_000;
      while (verifier === undefined && performance.now() < until) {
        verifier = childrenOf(pid, "verifyInteraction")[0];
        await sleep(50);
      }
      expect(verifier).toBeDefined();
      // Let it reach the target: a held tag DELETE.
      while (
        !target.log.some((r) => r.method === "DELETE" && r.path.includes("/tags/")) &&
        performance.now() < until
      )
        await sleep(50);
      const exited = new Promise<void>((resolve) => {
        run.on("exit", () => {
          resolve();
        });
      });
      run.kill("SIGKILL");
      await exited;
      const killedAt = performance.now();
      while (verifier !== undefined && alive(verifier) && performance.now() - killedAt < 10_000)
        await sleep(20);
      const lived = Math.round(performance.now() - killedAt);
      expect({
        verifierAlive: verifier !== undefined && alive(verifier),
        livedMs: lived < 2000 ? "< 2000" : lived,
      }).toEqual({
        verifierAlive: false,
        livedMs: "< 2000",
      });
      // Nothing of the run in its TMPDIR (a moment for the child's own removal to land).
      await sleep(200);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      // A verifier that outlived the run (the failure this test is about) is not left running.
      if (verifier !== undefined && alive(verifier)) process.kill(verifier, "SIGKILL");
      await target.stop();
      rmSync(tmp, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  }, 90_000);
});
