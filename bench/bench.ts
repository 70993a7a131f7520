import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Report } from "../reports/Report";
import { findMutant } from "../src/mutants/catalog";
import { loadProfile } from "../src/profile/loadProfile";
import type { Profile } from "../src/profile/Profile";
import { defaultBehaviour } from "../src/reference/defaultBehaviour";
import { referenceIdentities } from "../src/reference/Identity";
import { ReferenceServer } from "../src/reference/ReferenceServer";

/**
 * `npm run bench`: the figures the docs quote, as a user gets them (a fresh CLI process each time, against the
 * reference in this process, plain and with a fixed 50 ms before every answer, as a remote cloud would be):
 * requests, wall time, overhead (wall time / time spent waiting on the target), requests per second, and the
 * time to a verdict for broken variants beside the passing run's. Figures only: nothing here passes or fails.
 */
const cli = join(__dirname, "..", "src", "cli", "main.js");
const tokens = { owner: "bench-owner-token-0001", alt: "bench-alt-token-00002" };

interface Figures {
  readonly verdict: string;
  readonly requests: number;
  readonly wallMs: number;
  readonly waitMs: number;
}

function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: "ignore" });
    child.on("error", reject);
    child.on("close", (code) => {
      resolve(code ?? -1);
    });
  });
}

/** One run of the CLI against the reference (a mutant's behaviour when named), with this much delay. */
async function measure(profile: Profile, latencyMs: number, mutant?: string): Promise<Figures> {
  const m = mutant === undefined ? undefined : findMutant(mutant);
  const server = new ReferenceServer({
    profile,
    identities: referenceIdentities(tokens),
    latencyMs,
    behaviour: m === undefined ? defaultBehaviour : m.apply(defaultBehaviour),
  });
  const url = await server.listen(0, "127.0.0.1");
  const out = mkdtempSync(join(tmpdir(), "itc-bench-"));
  try {
    const started = performance.now();
    await runCli(["run", "--target", url, "--profile", profile.id, "--quiet", "--seed", "1", "--out", out], {
      ...process.env,
      ITC_TOKEN: tokens.owner,
      ITC_ALT_TOKEN: tokens.alt,
    });
    const wallMs = performance.now() - started;
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as Report;
    return { verdict: report.verdict, requests: report.stats.requests, wallMs, waitMs: report.stats.waitMs };
  } finally {
    await server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2).padStart(6);

function row(label: string, f: Figures, passing?: Figures): void {
  const ratio =
    passing === undefined
      ? ""
      : `   time to verdict ${(f.wallMs / passing.wallMs).toFixed(2)} x the passing run`;
  console.log(
    `${label.padEnd(36)} ${f.verdict.padEnd(15)} ${String(f.requests).padStart(6)} ${seconds(f.wallMs)} ${seconds(f.waitMs)} ${(f.wallMs / f.waitMs).toFixed(2).padStart(8)} ${(f.requests / (f.wallMs / 1000)).toFixed(0).padStart(6)}${ratio}`,
  );
}

async function main(): Promise<void> {
  const help = Array.from({ length: 9 }, () => {
    const started = performance.now();
    spawnSync(process.execPath, [cli, "--help"], { stdio: "ignore" });
    return performance.now() - started;
  });
  console.log(`--help: median ${median(help).toFixed(0)} ms (9 runs)\n`);
  console.log(
    `${"run (seed 1, default depth)".padEnd(36)} ${"verdict".padEnd(15)} ${"reqs".padStart(6)} ${"wall s".padStart(6)} ${"wait s".padStart(6)} ${"overhead".padStart(8)} ${"req/s".padStart(6)}`,
  );
  for (const name of ["huawei-ims", "openstack-glance"] as const) {
    const profile = await loadProfile(name);
    const runs: Figures[] = [];
    for (let i = 0; i < 3; i++) runs.push(await measure(profile, 0));
    const typical = runs.sort((a, b) => a.wallMs - b.wallMs)[1] ?? runs[0];
    if (typical !== undefined) row(`${name}, reference (median of 3)`, typical);
    const slow = await measure(profile, 50);
    row(`${name}, reference + 50 ms`, slow);
    if (name !== "huawei-ims") continue;
    // Broken variants: one every scenario sees, one only a property finds, one only the extended tier.
    for (const mutant of ["status-200", "case-insensitive", "lost-update"])
      row(`  ${mutant} + 50 ms`, await measure(profile, 50, mutant), slow);
  }
}

void main();
