import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../../src/util/packageRoot";
import { runCli } from "../../test/support/cli";
import { readmeCommands, words } from "../../test/support/readmeCommands";
import { expectOwnerImagesKept, runAgainstGlance } from "./support/runAgainstGlance";
import { openstackDir, readTargetEnv, targetCommand } from "./support/openstackTarget";

// Keystone and Glance come up once for all of test:glance (support/globalSetup.ts).
afterEach(expectOwnerImagesKept);

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
    const { code, report, core } = await runAgainstGlance("openstack-glance", { identities: "clouds" });
    const env = readTargetEnv();
    expect(report.target.url).toBe(env.target);
    expect(report.target.keystone).toBe(env.keystone);
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
    // Glance refuses four-byte characters in a create body with 400, which the flag allows (no breach), and
    // stores the image anyway: found by name, deleted, and reported as a finding of its own.
    const astral = flagged.find((s) => s.id === "204-flagged-astral-plane");
    expect(astral?.reason).toMatch(/answers 201: .*expected 201, got 400, a deviation the flag allows/);
    expect(astral?.breaches).toEqual([]);
    expect(report.findings.map((f) => f.id)).toContain("create-error-but-stored");
    expect(flagged.find((s) => s.id === "204-flagged-non-ascii-in-path")?.property?.counterexample).toMatch(
      /[\u0080-\uffff]/,
    );
    expect(report.cleanup.leftBehind).toEqual([]);
  });

  it("openstack-glance --strict (the flags dropped): non-conformant, and every failure is a non-ASCII tag in the path", async () => {
    const { code, report, core } = await runAgainstGlance("openstack-glance", { extra: ["--strict"] });
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
    const lifetime = 8;
    expect(targetCommand("token-lifetime", String(lifetime))).toBe(0);
    try {
      // One scenario at a time and twice the depth: the run must outlast several token lifetimes.
      const { code, report, core } = await runAgainstGlance("openstack-glance", {
        identities: "clouds",
        extra: ["--workers", "1", "--runs", "40"],
      });
      // Without renewal every request after 8 s would carry an expired token: Glance answers 401 and fixtures,
      // examples and properties fail. The run lasts several lifetimes, so every scenario passing proves renewal.
      expect(report.stats.durationMs).toBeGreaterThan(2 * lifetime * 1000);
      expect(core.filter((s) => s.outcome !== "pass").map((s) => `${s.id}: ${s.reason ?? ""}`)).toEqual([]);
      expect(code).toBe(0);
      expect(report.cleanup.leftBehind).toEqual([]);
    } finally {
      // The other test files (Tempest among them) get Keystone's usual hour-long tokens back.
      expect(targetCommand("token-lifetime", "3600")).toBe(0);
    }
  });
});

describe("the README's certification commands, run as written", () => {
  it("run --os-cloud ... --sign, then verify-report: conformant, and the signed folder verifies", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "itc-readme-"));
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    writeFileSync(join(cwd, "vendor-key.pem"), privateKey.export({ type: "pkcs8", format: "pem" }));
    writeFileSync(join(cwd, "vendor-pub.pem"), publicKey.export({ type: "spki", format: "pem" }));
    const readme = readFileSync(join(packageRoot, "README.md"), "utf8");
    const commands = readmeCommands(readme).filter((c) => c.startsWith("image-tag-conformance "));
    const certify = commands.find((c) => c.includes(" run --os-cloud "));
    const verify = commands.find((c) => c.includes(" verify-report "));
    if (certify === undefined || verify === undefined)
      throw new Error("the README shows no certification command");
    const env = {
      OS_CLIENT_CONFIG_FILE: join(openstackDir, "clouds.yaml"),
      OS_CLIENT_SECURE_FILE: join(openstackDir, "secure.yaml"),
    };
    const run = await runCli(words(certify).slice(1), env, undefined, cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^verdict: conformant \(exit 0\)/m);
    const check = await runCli(words(verify).slice(1), {}, undefined, cwd);
    expect([check.code, check.stderr]).toEqual([0, ""]);
  });
});
