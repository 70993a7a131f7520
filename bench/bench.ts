import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

/**
 * Prints the figures the README quotes: how long --help takes to answer, and how long a full run against the
 * embedded reference takes, per profile, as a user sees them (a fresh node process each time).
 * Figures only: nothing here passes or fails.
 */
const cli = join(__dirname, "..", "src", "cli", "main.js");

function time(args: readonly string[]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { stdio: "ignore" });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`image-tag-conformance ${args.join(" ")} exited ${String(r.status)}`);
  return ms;
}

function figures(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  console.log(
    `${label.padEnd(44)} median ${median.toFixed(0).padStart(5)} ms   max ${max.toFixed(0).padStart(5)} ms   (${samples.length} runs)`,
  );
}

const out = mkdtempSync(join(tmpdir(), "itc-bench-"));
const repeat = (n: number, f: () => number): number[] => Array.from({ length: n }, f);
figures(
  "--help",
  repeat(15, () => time(["--help"])),
);
figures(
  "run --help",
  repeat(15, () => time(["run", "--help"])),
);
for (const profile of ["huawei-ims", "openstack-glance"]) {
  figures(
    `run --profile ${profile} (embedded reference)`,
    repeat(5, () => time(["run", "--quiet", "--profile", profile, "--out", out])),
  );
}
