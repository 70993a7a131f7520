import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Report, ScenarioEntry } from "../../reports/Report";
import { packageRoot } from "../../src/util/packageRoot";
import { readReport, runCli, tempOut } from "../../test/support/cli";

const script = join(packageRoot, "targets", "openstack", "openstack-target.sh");
const dir = process.env["ITC_OPENSTACK_DIR"] ?? "/tmp/itc-openstack";
let env: Record<string, string> = {};

beforeAll(() => {
  const up = spawnSync("bash", [script, "up"], {
    stdio: "inherit",
    env: { ...process.env, ITC_OPENSTACK_DIR: dir },
  });
  if (up.status !== 0) throw new Error(`openstack-target.sh up exited ${String(up.status)}`);
  env = Object.fromEntries(
    readFileSync(join(dir, "env"), "utf8")
      .trim()
      .split("\n")
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
});

afterAll(() => {
  spawnSync("bash", [script, "down"], { stdio: "inherit", env: { ...process.env, ITC_OPENSTACK_DIR: dir } });
});

async function runAgainstGlance(
  profile: string,
  viaClouds = false,
  extra: readonly string[] = [],
): Promise<{ code: number | null; report: Report; core: ScenarioEntry[] }> {
  const out = tempOut();
  const common = [
    "run",
    "--profile",
    profile,
    "--seed",
    "1",
    "--rate",
    "0",
    "--quiet",
    "--out",
    out,
    ...extra,
  ];
  const r = viaClouds
    ? await runCli([...common, "--os-cloud", "owner", "--alt-os-cloud", "alt"], {
        OS_CLIENT_CONFIG_FILE: join(dir, "clouds.yaml"),
        OS_CLIENT_SECURE_FILE: join(dir, "secure.yaml"),
      })
    : await runCli([...common, "--target", env["ITC_TARGET"] ?? ""], {
        ITC_TOKEN: env["ITC_TOKEN"] ?? "",
        ITC_ALT_TOKEN: env["ITC_ALT_TOKEN"] ?? "",
      });
  const report = readReport(out);
  return {
    code: r.code,
    report,
    core: report.statuses.flatMap((s) => s.scenarios).filter((s) => s.tier === "core"),
  };
}

const nonAscii = /[^\u0020-\u007e]/;

describe("Glance 25.1.0 (Debian bookworm) as a target", () => {
  it("huawei-ims: exactly the rows where Glance differs from the seed page fail (no alphabet: 404, not 400)", async () => {
    const { code, report, core } = await runAgainstGlance("huawei-ims");
    expect(code).toBe(1);
    expect(
      core
        .filter((s) => s.outcome === "fail")
        .map((s) => s.id)
        .sort(),
    ).toEqual(["400-prop-invalid-tag", "400-tag-outside-schema"]);
    expect(core.filter((s) => s.outcome === "not-exercised").every((s) => s.cause === "untriggerable")).toBe(
      true,
    );
    expect(report.statuses.filter((s) => s.outcome === "fail").map((s) => s.status)).toEqual([400]);
    expect(report.cleanup.leftBehind).toEqual([]);
  });

  it("openstack-glance via clouds.yaml (no --target, no token): conformant; the flagged rules fail as measured", async () => {
    // The CLI authenticates both identities against Keystone and finds Glance in the token's catalog.
    const { code, report, core } = await runAgainstGlance("openstack-glance", true);
    expect(report.target.url).toBe(env["ITC_TARGET"]);
    expect(report.target.keystone).toBe(env["ITC_KEYSTONE_URL"]);
    expect(report.command).toContain("--os-cloud owner --alt-os-cloud alt");
    expect(JSON.stringify(report)).not.toMatch(/owner-pass|alt-pass/);
    expect(core.filter((s) => s.outcome !== "pass").map((s) => `${s.id}: ${s.reason ?? ""}`)).toEqual([]);
    expect(report.verdict).toBe("conformant");
    expect(code).toBe(0);
    // Reported, not hidden: Glance decodes the path as Latin-1 and refuses four-byte characters in a body.
    expect(report.flagged.map((f) => [f.id, f.outcome])).toEqual([
      ["astral-plane", "fail"],
      ["non-ascii-in-path", "fail"],
    ]);
    const flagged = report.statuses.flatMap((s) => s.scenarios).filter((s) => s.tier === "flagged");
    expect(flagged.find((s) => s.id === "204-flagged-astral-plane")?.reason).toMatch(/answers 201.* → 400/);
    expect(flagged.find((s) => s.id === "204-flagged-non-ascii-in-path")?.property?.counterexample).toMatch(
      /[\u0080-\uffff]/,
    );
    expect(report.cleanup.leftBehind).toEqual([]);
  });

  it("openstack-glance --strict (the flags dropped): non-conformant, and every failure is a non-ASCII tag in the path", async () => {
    const { code, report, core } = await runAgainstGlance("openstack-glance", false, ["--strict"]);
    expect(code).toBe(1);
    expect(report.settings.strict).toBe(true);
    expect(report.flagged).toEqual([]);
    const failed = core.filter((s) => s.outcome === "fail");
    expect(failed.length).toBeGreaterThan(0);
    for (const s of failed) expect(s.property?.counterexample).toMatch(nonAscii);
    expect(
      core.filter((s) => s.kind === "example" || s.kind === "contract").every((s) => s.outcome === "pass"),
    ).toBe(true);
    expect(report.cleanup.leftBehind).toEqual([]);
  });

  it("a run longer than Keystone's token lifetime renews both tokens and stays conformant", async () => {
    const lifetime = 12;
    const set = spawnSync("bash", [script, "token-lifetime", String(lifetime)], {
      stdio: "inherit",
      env: { ...process.env, ITC_OPENSTACK_DIR: dir },
    });
    expect(set.status).toBe(0);
    const { code, report, core } = await runAgainstGlance("openstack-glance", true);
    // Without renewal every request after 12 s would carry an expired token: Glance answers 401 and fixtures,
    // examples and properties fail. The run lasts several lifetimes, so every scenario passing proves renewal.
    expect(report.stats.durationMs).toBeGreaterThan(2 * lifetime * 1000);
    expect(core.filter((s) => s.outcome !== "pass").map((s) => `${s.id}: ${s.reason ?? ""}`)).toEqual([]);
    expect(code).toBe(0);
    expect(report.cleanup.leftBehind).toEqual([]);
  });
});
