import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { glanceCpuMs } from "./glanceCpu";
import { openstackDir } from "./openstackTarget";

/**
 * Where Glance logs each request: uwsgi's request log (glance-access.log, Glance 30 and 33), else the eventlet
 * server's lines in glance-api.log (Glance 25).
 */
function logFile(): string {
  const uwsgi = join(openstackDir, "log", "glance-access.log");
  return existsSync(uwsgi) ? uwsgi : join(openstackDir, "log", "glance-api.log");
}

export interface GlanceMark {
  readonly logSize: number;
  readonly cpuMs: number;
}

/** Where glance-api.log ends now and Glance's CPU time: glanceRequestsSince(mark) reads what came after. */
export function glanceLogMark(): GlanceMark {
  return { logSize: statSync(logFile()).size, cpuMs: glanceCpuMs() };
}

export interface GlanceActivity {
  /** Requests Glance answered (its eventlet access lines). */
  readonly requests: number;
  /** Time during which Glance was working on at least one of them (overlapping requests counted once). */
  readonly busyMs: number;
  /** CPU time Glance's processes used (from /proc): one worker uses one core at most. */
  readonly cpuMs: number;
}

// 2026-11-27 15:55:04.463 12549 INFO eventlet.wsgi.server [...] 127.0.0.1 - - [...] "DELETE /v2/... HTTP/1.1" 204 208 0.014097
const access =
  /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) \d+ INFO eventlet\.wsgi\.server .*" \d{3} \d+ (\d+\.\d+)$/;
// itc-access 1764950000123 14 204 "DELETE /v2/images/.../tags/x": start (ms since the epoch) and duration in ms, as
// openstack-target.sh's --logformat for uwsgi writes them
const uwsgiAccess = /^itc-access (\d+) (\d+) \d{3} "/;

/** One request's [start, end] in ms since the epoch, from either log's line; undefined for any other line. */
function interval(line: string): [number, number] | undefined {
  const u = uwsgiAccess.exec(line);
  if (u !== null) return [Number(u[1]), Number(u[1]) + Number(u[2])];
  const m = access.exec(line);
  if (m === null) return undefined;
  const end = Date.parse(`${m[1] ?? ""}T${m[2] ?? ""}`);
  return [end - Number(m[3]) * 1000, end];
}

/**
 * What Glance itself logged since the mark: the same count for any client, Tempest included. Each access line ends
 * with the request's duration and is written when the answer is sent, which gives each request's interval.
 */
export function glanceRequestsSince(mark: GlanceMark): GlanceActivity {
  const cpuMs = glanceCpuMs() - mark.cpuMs;
  const text = readFileSync(logFile()).subarray(mark.logSize).toString("utf8");
  const intervals: [number, number][] = [];
  for (const line of text.split("\n")) {
    const i = interval(line);
    if (i !== undefined) intervals.push(i);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  let busyMs = 0;
  let reach = -Infinity;
  for (const [start, end] of intervals) {
    busyMs += Math.max(0, end - Math.max(start, reach));
    reach = Math.max(reach, end);
  }
  return { requests: intervals.length, busyMs, cpuMs };
}
