import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { builtinProfilePath } from "../../src/profile/builtinProfiles";
import { readReport, runCli, tempOut } from "../support/cli";
import { startHostileTarget } from "../support/hostileTarget";
import { tokens } from "../support/reference";

describe("nothing the profile or the target does can hold a run", () => {
  it("a pattern without capitals (^[0-9a-z]+$): case variants are no level of it, said why, and the run completes in bounded time", async () => {
    const dir = tempOut();
    const path = join(dir, "lowercase.yaml");
    const text = readFileSync(builtinProfilePath("huawei-ims"), "utf8")
      .replace("x-itc-profile: huawei-ims", "x-itc-profile: lowercase-ims")
      .replace('pattern: "^[0-9A-Za-z_-]+$"', 'pattern: "^[0-9a-z]+$"');
    expect(text).toContain('pattern: "^[0-9a-z]+$"');
    writeFileSync(path, text);
    const started = Date.now();
    const r = await runCli(["run", "--profile", path, "--out", dir, "--quiet"]);
    expect(Date.now() - started).toBeLessThan(60_000);
    const report = readReport(dir);
    // The model of this schema has no case variant of a tag on an image (it would hold a capital): the report
    // leaves the level out with why, nothing waits for a case that cannot be drawn, and the run is conformant.
    expect(r.code).toBe(0);
    const excluded = report.inputSpace?.excluded.find(
      (e) => e.dimension === "neighbour" && e.level === "case",
    );
    expect(excluded?.why).toMatch(/outside the profile's tag schema/);
    // A custom profile is named as such.
    expect(r.stdout).toMatch(/profile lowercase-ims \(custom profile, sha256 [0-9a-f]{12}\)/);
  });

  it("verify-contracts against a target that never answers a DELETE: --timeout bounds it, exit 3, no itc-pact-* folder left", async () => {
    const hostile = await startHostileTarget({ mode: "silent-deletes" });
    const tmp = tempOut();
    try {
      const started = Date.now();
      const r = await runCli(
        [
          "verify-contracts",
          "--target",
          hostile.url,
          "--timeout",
          "2",
          "--rate",
          "0",
          "--quiet",
          "--out",
          tempOut(),
        ],
        { ITC_TOKEN: tokens.owner, ITC_ALT_TOKEN: tokens.alt, TMPDIR: tmp },
      );
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(r.code).toBe(3);
      expect(r.stdout).toMatch(/aborted: target unreachable: .*no complete answer within 2 s \(--timeout\)/);
      expect(readdirSync(tmp).filter((f) => f.startsWith("itc-pact-"))).toEqual([]);
    } finally {
      await hostile.stop();
    }
  });

  it("an ordinary run leaves no itc-pact-* folder in TMPDIR", async () => {
    const tmp = tempOut();
    const r = await runCli(["run", "--quiet", "--out", tempOut()], { TMPDIR: tmp });
    expect(r.code).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
