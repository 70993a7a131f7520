import { spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { packageRoot } from "../../src/util/packageRoot";
import { cleanEnv, cliPath } from "../../test/support/cli";
import { readmeCommands, words } from "../../test/support/readmeCommands";
import { figuresTable } from "./support/figuresTable";
import { glanceLogMark, glanceRequestsSince } from "./support/glanceLog";
import { matrixGroups, type MatrixGroup } from "./support/matrixGroups";
import { openstackDir, readTargetEnv, targetCommand } from "./support/openstackTarget";
import { createOwnerImage, usersOwnImage } from "./support/ownerImages";
import { expectOwnerImagesKept, runAgainstGlance } from "./support/runAgainstGlance";
import { runTempest } from "./support/runTempest";

/*
 * npm run test:glance:matrix: for each Debian release × Glance database (ITC_GLANCE_MATRIX, support/matrixGroups.ts),
 * openstack-target.sh up, then per database the README's certification command through clouds.yaml and that
 * release's own Tempest tag tests against the same Glance, side by side; then down. It writes, in ITC_MATRIX_OUT
 * (default test-artifacts/glance-matrix): one folder per row (the signed certification), merged/ (`merge` of them
 * all), upgrade-<db>-<a>-to-<b>.txt (`diff` from each release to the next), and matrix.md (the table; its data in
 * matrix.json). Verdicts are
 * measured, not asserted: what is asserted is that every row reached a verdict with nothing left behind, Tempest ran
 * its three tests, and down left no folder, mount or process.
 */
const out = resolve(process.env["ITC_MATRIX_OUT"] ?? join(packageRoot, "test-artifacts", "glance-matrix"));
const groups = matrixGroups(process.env["ITC_GLANCE_MATRIX"]);

interface Row {
  readonly label: string;
  readonly release: string;
  readonly db: string;
  readonly tls: boolean;
  readonly glance: string;
  readonly verdict: string;
  readonly code: number | null;
  readonly flags: string;
  readonly findings: string;
  /** Scenarios that decide the verdict against the target: a core failure, or any scenario with a breach. */
  readonly failing: string;
  /** Extended-tier failures without a breach (concurrency findings): reported, deciding nothing. */
  readonly extended: string;
  readonly requests: number;
  readonly wallS: string;
  readonly glanceCpuS: string;
  readonly tempest: string;
  readonly tempestWallS: string;
  readonly tempestCpuS: string;
  readonly report: string;
}

const rows: Row[] = [];
const durations: string[][] = [];
const seconds = (ms: number): string => (ms / 1000).toFixed(1);

afterEach(expectOwnerImagesKept);
// Whatever failed, nothing stays up.
afterAll(() => {
  if (existsSync(openstackDir)) targetCommand("down");
});

/** The README's certification command, its values made this row's: product, version, key and output folder. */
function certificationArgs(dir: string, product: string, version: string): string[] {
  const readme = readFileSync(join(packageRoot, "README.md"), "utf8");
  const certify = readmeCommands(readme).find(
    (c) => c.startsWith("image-tag-conformance ") && c.includes(" run --os-cloud "),
  );
  if (certify === undefined) throw new Error("the README shows no certification command");
  const { privateKey } = generateKeyPairSync("ed25519");
  writeFileSync(join(dir, "vendor-key.pem"), privateKey.export({ type: "pkcs8", format: "pem" }));
  const values: Record<string, string> = {
    "--vendor": "Debian",
    "--product-name": product,
    "--product-version": version,
    "--sign": join(dir, "vendor-key.pem"),
    "--out": join(dir, "certification"),
  };
  const args = words(certify).slice(1);
  return args.map((a, i) => values[args[i - 1] ?? ""] ?? a);
}

/** No mount under the state folder, no process whose root is its chroot, and no folder. */
function nothingLeft(): string[] {
  const left: string[] = [];
  if (existsSync(openstackDir)) left.push(`${openstackDir} still exists`);
  const mounts = readFileSync("/proc/self/mountinfo", "utf8")
    .split("\n")
    .map((l) => l.split(" ")[4] ?? "")
    .filter((m) => m === openstackDir || m.startsWith(`${openstackDir}/`));
  if (mounts.length > 0) left.push(`mounted: ${mounts.join(" ")}`);
  const procs = spawnSync(
    "sh",
    ["-c", `ls -l /proc/[0-9]*/root 2>/dev/null | grep -c -- '-> ${openstackDir}/'`],
    {
      encoding: "utf8",
    },
  );
  if (Number(procs.stdout.trim()) > 0) left.push(`${procs.stdout.trim()} processes still run in the chroot`);
  return left;
}

async function cell(group: MatrixGroup, db: string): Promise<void> {
  const env = readTargetEnv();
  const label = `${group.release}-${db}${group.tls ? "-tls" : ""}`;
  const dir = join(out, label);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const glance = `Glance ${env.glanceVersion.replace(/^\d+:/, "")}`;
  const version = `Debian ${group.release}, ${db}${group.tls ? ", TLS" : ""}`;
  const args = certificationArgs(dir, glance, version);
  let mark = glanceLogMark();
  const run = await runAgainstGlance("openstack-glance", {
    command: { args, cwd: dir, report: join(dir, "certification", "report.json") },
  });
  const ours = glanceRequestsSince(mark);
  mark = glanceLogMark();
  const tempest = await runTempest();
  const theirs = glanceRequestsSince(mark);
  writeFileSync(join(dir, "tempest.log"), tempest.output);
  writeFileSync(join(dir, "command.txt"), `image-tag-conformance ${args.join(" ")}\n`);
  const { report } = run;
  const scenarios = report.statuses.flatMap((s) => s.scenarios);
  rows.push({
    label,
    release: group.release,
    db,
    tls: group.tls,
    glance,
    verdict: report.verdict,
    code: run.code,
    flags: report.flagged.map((f) => `${f.id} ${f.outcome}`).join(", ") || "-",
    findings: [...new Set(report.findings.map((f) => f.id))].join(", ") || "-",
    failing: scenarios
      .filter((s) => (s.tier === "core" && s.outcome === "fail") || s.breaches.length > 0)
      .map((s) => s.id)
      .join(", "),
    extended: scenarios
      .filter((s) => s.tier === "extended" && s.outcome === "fail" && s.breaches.length === 0)
      .map((s) => s.id)
      .join(", "),
    requests: report.stats.requests,
    wallS: seconds(run.wallMs),
    glanceCpuS: seconds(ours.cpuMs),
    tempest: `${tempest.passed}/${tempest.ran}${tempest.code === 0 ? "" : ` exit ${String(tempest.code)}`}`,
    tempestWallS: seconds(tempest.wallMs),
    tempestCpuS: seconds(theirs.cpuMs),
    report: join(dir, "certification", "report.json"),
  });
  writeFileSync(join(dir, "row.json"), `${JSON.stringify(rows.at(-1), null, 2)}\n`);
  // A verdict was reached (0 conformant, 1 non-conformant), nothing was left in the cloud, Tempest ran its tests.
  expect({ label, code: run.code, stderr: run.code === 0 || run.code === 1 ? "" : run.stderr }).toEqual({
    label,
    code: run.code === 1 ? 1 : 0,
    stderr: "",
  });
  expect(report.cleanup.leftBehind).toEqual([]);
  expect({ label, ran: tempest.ran }).toEqual({ label, ran: 3 });
}

describe.each(groups.map((g) => [g.name, g] as const))("%s", (_name, group) => {
  it(`up, then for ${group.dbs.join(", ")}: the certification command and Tempest side by side, then down`, async () => {
    const layout = {
      ITC_OPENSTACK_RELEASE: group.release,
      ITC_GLANCE_DB: group.dbs[0] ?? "sqlite",
      ITC_OPENSTACK_TLS: group.tls ? "1" : "0",
    };
    let started = performance.now();
    const up = spawnSync("bash", [join(packageRoot, "targets", "openstack", "openstack-target.sh"), "up"], {
      stdio: "inherit",
      env: { ...cleanEnv(layout), ITC_OPENSTACK_DIR: openstackDir },
      timeout: 40 * 60_000,
    });
    const upS = seconds(performance.now() - started);
    expect(up.status).toBe(0);
    for (const [i, db] of group.dbs.entries()) {
      if (i > 0) expect(targetCommand("glance-db", db)).toBe(0);
      // Each database holds its own images: the owner's own one, which no run may touch, is made on each.
      await createOwnerImage(readTargetEnv().glancePlain, usersOwnImage, ["users-own-tag", "prod"]);
      await cell(group, db);
      expectOwnerImagesKept();
    }
    started = performance.now();
    expect(targetCommand("down")).toBe(0);
    durations.push([group.name, upS, seconds(performance.now() - started)]);
    expect(nothingLeft()).toEqual([]);
    // down is safe twice
    expect(targetCommand("down")).toBe(0);
  });
});

describe("the matrix", () => {
  it("merged, the upgrade reports written, the table printed", () => {
    expect(rows.length).toBeGreaterThan(0);
    const merged = spawnSync(
      process.execPath,
      [cliPath, "merge", ...rows.map((r) => r.report), "--out", join(out, "merged")],
      { encoding: "utf8", env: cleanEnv() },
    );
    expect([merged.status, merged.stderr]).toEqual([0, ""]);
    const upgrades: string[] = [];
    for (const db of [...new Set(rows.filter((r) => !r.tls).map((r) => r.db))]) {
      const path = rows.filter((r) => r.db === db && !r.tls);
      for (let i = 1; i < path.length; i++) {
        const [a, b] = [path[i - 1], path[i]];
        if (a === undefined || b === undefined) continue;
        const diff = spawnSync(process.execPath, [cliPath, "diff", a.report, b.report], {
          encoding: "utf8",
          env: cleanEnv({ NO_COLOR: "1" }),
        });
        // 0: nothing that passed fails now; 1: a regression (the upgrade report says which); 2 would be bad input.
        expect([0, 1]).toContain(diff.status);
        const file = join(out, `upgrade-${db}-${a.release}-to-${b.release}.txt`);
        writeFileSync(file, diff.stdout);
        upgrades.push(`${a.glance} → ${b.glance} on ${db}: exit ${String(diff.status)}, ${file}`);
      }
    }
    const table = figuresTable(
      [
        "release",
        "db",
        "Glance",
        "verdict",
        "flags",
        "findings",
        "extended (findings)",
        "requests",
        "wall s",
        "Glance CPU s",
        "Tempest",
        "Tempest wall s",
        "Glance CPU s (Tempest)",
      ],
      rows.map((r) => [
        r.release + (r.tls ? " TLS" : ""),
        r.db,
        r.glance.replace("Glance ", ""),
        r.verdict + (r.failing === "" ? "" : ` (${r.failing})`),
        r.flags,
        r.findings,
        r.extended || "-",
        String(r.requests),
        r.wallS,
        r.glanceCpuS,
        r.tempest,
        r.tempestWallS,
        r.tempestCpuS,
      ]),
    );
    const timing = figuresTable(["group", "up s", "down s"], durations);
    const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: packageRoot, encoding: "utf8" });
    const text =
      `Glance release matrix, ${new Date().toISOString()}, commit ${commit.stdout.trim() || "?"}\n\n` +
      table +
      "\n" +
      timing +
      "\nupgrade reports:\n" +
      upgrades.map((u) => `  ${u}\n`).join("") +
      `merged: ${join(out, "merged")}\n`;
    writeFileSync(join(out, "matrix.md"), text);
    writeFileSync(
      join(out, "matrix.json"),
      `${JSON.stringify({ commit: commit.stdout.trim(), rows, durations, upgrades }, null, 2)}\n`,
    );
    process.stdout.write(`\n${text}`);
  });
});
