import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Report } from "../../../reports/Report";
import { validateReport } from "../../../reports/validateReport";
import { tempOut } from "../cli";
import { tokens } from "../reference";
import { startHostileTarget, type HostileOptions, type HostileTarget } from "../hostileTarget";
import { runMeasured, type MeasuredRun } from "./runMeasured";
import { leaksIn } from "./tokenLeaks";

/** What a run against a hostile target must show, and what it did show. */
export interface HostileExpectation {
  readonly exit: number;
  /** Wall time bounds, in ms (the run is killed 20 s after maxMs: a hang is measured, not waited out). */
  readonly maxMs: number;
  readonly minMs?: number;
}

export interface HostileRun {
  readonly target: HostileTarget;
  readonly run: MeasuredRun;
  readonly out: string;
  /** The CLI's TMPDIR (searched for leaks too). */
  readonly tmp: string;
  /** report.json as written, when it was. */
  readonly report: Report | undefined;
  /** Every expectation that did not hold, in words; empty when all held. */
  readonly failed: string[];
  want(what: string, ok: boolean, got?: unknown): void;
  /** Stops the target and removes the out dir and the CLI's TMPDIR (a big-root report can weigh 125 MB). */
  dispose(): Promise<void>;
}

/**
 * Runs the real CLI against a hostile target as an operator would (`run --target <url> --quiet --rate 0
 * --timeout 2 --out <tmp> --seed 1`, and `more`'s options and environment; tokens in the environment) and checks what every mode must show: the exit
 * code, a wall-time bound, a report.json that validates, and no token in any form in stdout, stderr, the out
 * directory or the files the CLI left in its own TMPDIR. Failures are collected, so one run shows them all.
 * The caller disposes of it once it has inspected the target's reference.
 */
export async function hostileRun(
  options: HostileOptions,
  expected: HostileExpectation,
  more: {
    readonly args?: (out: string) => readonly string[];
    readonly env?: (tmp: string) => Record<string, string>;
  } = {},
): Promise<HostileRun> {
  const target = await startHostileTarget(options);
  const out = tempOut();
  const childTmp = mkdtempSync(join(tmpdir(), "itc-hostile-tmp-"));
  const args = [
    "run",
    "--target",
    target.url,
    "--quiet",
    "--rate",
    "0",
    "--timeout",
    "2",
    "--out",
    out,
    "--seed",
    "1",
    ...(more.args?.(out) ?? []),
  ];
  const env = {
    ITC_TOKEN: tokens.owner,
    ITC_ALT_TOKEN: tokens.alt,
    TMPDIR: childTmp,
    ...more.env?.(childTmp),
  };
  const run = await runMeasured(args, env, expected.maxMs + 20_000);
  const failed: string[] = [];
  const want = (what: string, ok: boolean, got?: unknown): void => {
    if (!ok) failed.push(got === undefined ? what : `${what} (got ${JSON.stringify(got)})`);
  };
  want(`exit code ${expected.exit}`, run.code === expected.exit, run.code ?? run.signal);
  want(`not killed at the hard limit (${expected.maxMs + 20_000} ms)`, !run.killed);
  want(`wall time < ${expected.maxMs} ms`, run.wallMs < expected.maxMs, Math.round(run.wallMs));
  if (expected.minMs !== undefined)
    want(`wall time >= ${expected.minMs} ms`, run.wallMs >= expected.minMs, Math.round(run.wallMs));
  const file = join(out, "report.json");
  let report: Report | undefined;
  if (!existsSync(file)) want("report.json written", false);
  else {
    try {
      report = JSON.parse(readFileSync(file, "utf8")) as Report;
      const problems = validateReport(report);
      want("report.json validates", problems.length === 0, problems.slice(0, 5));
    } catch (error) {
      want("report.json is JSON", false, String(error));
    }
  }
  const leaks = leaksIn({ stdout: run.stdout, stderr: run.stderr }, [out, childTmp], tokens);
  want("no token in stdout, stderr, the out dir or the CLI's TMPDIR", leaks.length === 0, leaks.slice(0, 10));
  const dispose = async (): Promise<void> => {
    await target.stop();
    for (const dir of [out, childTmp]) rmSync(dir, { recursive: true, force: true });
  };
  return { target, run, out, tmp: childTmp, report, failed, want, dispose };
}

/** The failures with enough of the run to see why: its stderr's start and stdout's last lines. */
export function explain(h: HostileRun): string[] {
  if (h.failed.length === 0) return [];
  const tail = h.run.stdout.trim().split("\n").slice(-3).join(" | ");
  return [
    ...h.failed,
    `wall ${Math.round(h.run.wallMs)} ms, peak RSS ${h.run.peakRssMb?.toFixed(0) ?? "?"} MB, ${h.target.requests} requests`,
    `stderr: ${h.run.stderr.slice(0, 400)}`,
    `stdout: ${tail.slice(0, 600)}`,
  ];
}
