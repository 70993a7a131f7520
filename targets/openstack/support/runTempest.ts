import { spawn } from "node:child_process";
import { scriptEnv, tempestScript } from "./openstackTarget";

export interface TempestRun {
  readonly code: number | null;
  readonly ran: number;
  readonly passed: number;
  readonly skipped: number;
  readonly failed: number;
  /** `tempest run`'s own wall time, as tempest.sh measures it (configuration excluded). */
  readonly wallMs: number;
  readonly output: string;
}

/** targets/openstack/tempest.sh against the same Keystone and Glance; its last line carries the figures. */
export function runTempest(): Promise<TempestRun> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [tempestScript], { env: scriptEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const m = /^tempest: ran (\d+) passed (\d+) skipped (\d+) failed (\d+) wall_ms (\d+) exit \d+$/m.exec(
        output,
      );
      const n = (i: number): number => Number(m?.[i] ?? NaN);
      resolve({ code, ran: n(1), passed: n(2), skipped: n(3), failed: n(4), wallMs: n(5), output });
    });
  });
}
