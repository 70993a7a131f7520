import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { openstackDir } from "./openstackTarget";

/** Clock ticks per second of /proc's CPU times (USER_HZ). */
const getconf = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
// stdout is null when getconf cannot be run at all, whatever the types say: then Linux's usual 100.
const ticksPerSecond = Number((getconf.stdout as string | null)?.trim()) || 100;

/**
 * A process's parent pid, its CPU time (user + system, in ticks) and that of its children it has reaped, from
 * /proc/<pid>/stat.
 */
function statOf(pid: string): { ppid: string; ticks: number; reaped: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined; // exited meanwhile
  }
  // pid (comm) state ppid ... utime stime: fields after the command name, which may hold spaces or parentheses.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return {
    ppid: fields[1] ?? "",
    ticks: Number(fields[11]) + Number(fields[12]),
    reaped: Number(fields[13]) + Number(fields[14]),
  };
}

/**
 * CPU milliseconds Glance's processes (the one in glance.pid and its workers) have used so far: the difference
 * across a run is what the run cost Glance, whoever sent it (Tempest included). A worker that exited counts
 * through its parent, which reaped it.
 */
export function glanceCpuMs(): number {
  const parent = readFileSync(join(openstackDir, "glance.pid"), "utf8").trim();
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    const stat = statOf(pid);
    if (stat === undefined) continue;
    if (pid === parent) ticks += stat.ticks + stat.reaped;
    else if (stat.ppid === parent) ticks += stat.ticks;
  }
  return (ticks * 1000) / ticksPerSecond;
}
