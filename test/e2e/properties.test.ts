import { readReport, runCli, withServe, tempOut } from "../support/cli";

const env = { ITC_TOKEN: "owner-token", ITC_ALT_TOKEN: "alt-token" };

/** Splits a replay command as a shell would (single quotes only), dropping the environment placeholders. */
function argsOf(command: string): string[] {
  const words = [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "");
  return words.filter((w) => !w.includes("=<") && w !== "image-tag-conformance");
}

describe("properties catch broken variants, shrink, and replay", () => {
  // The coverage phase gives each pair to one property that can judge it, by the seed: a deleted extension of
  // the tag named may be seen by the 204 property or by the 404 one (whose plans delete a tag, then again).
  it.each([
    ["case-insensitive", "404-prop-absent-tag"],
    ["prefix-delete", "204-prop-delete-present or 404-prop-absent-tag"],
    ["non-ascii-500", "400-prop-invalid-tag"],
    ["alphabet-not-enforced", "400-prop-invalid-tag"],
  ])("mutant %s is caught by %s, and its replay command reproduces the failure", async (mutant, catchers) => {
    await withServe(["--mutant", mutant], {}, async (server) => {
      const out = tempOut();
      const r = await runCli(
        ["run", "--target", server.url, "--out", out, "--quiet", "--rate", "0", "--seed", "1234"],
        env,
      );
      expect(r.code).toBe(1);
      const scenario = readReport(out)
        .statuses.flatMap((s) => s.scenarios)
        .find((s) => catchers.split(" or ").includes(s.id) && s.outcome === "fail");
      expect(scenario?.outcome).toBe("fail");
      const scenarioId = scenario?.id ?? "";
      const p = scenario?.property;
      expect(p?.counterexample).toBeDefined();
      expect(p?.path).toMatch(/^\d+(:\d+)*$/);
      expect(p?.curl).toMatch(/^curl -i -X DELETE .*"X-Auth-Token: \$ITC_TOKEN"/);
      expect(p?.replay).toContain(`--only ${scenarioId}`);

      const replayOut = tempOut();
      const replay = await runCli(
        [...argsOf(p?.replay ?? ""), "--out", replayOut, "--quiet", "--rate", "0"],
        env,
      );
      expect(replay.code).toBe(1);
      const again = readReport(replayOut).statuses.flatMap((s) => s.scenarios);
      expect(again.map((s) => s.id)).toEqual([scenarioId]);
      expect(again[0]?.property?.counterexample).toBe(p?.counterexample);
    });
  });

  it("--lenient accepts 404 for tags outside the alphabet as a recorded deviation", async () => {
    await withServe(["--mutant", "alphabet-not-enforced"], {}, async (server) => {
      const out = tempOut();
      const r = await runCli(
        [
          "run",
          "--target",
          server.url,
          "--out",
          out,
          "--quiet",
          "--rate",
          "0",
          "--lenient",
          "--only",
          "400-prop-invalid-tag",
        ],
        env,
      );
      // Only one scenario ran, so nothing certifies the other statuses: incomplete, exit 4.
      expect(r.code).toBe(4);
      const s = readReport(out)
        .statuses.flatMap((x) => x.scenarios)
        .find((x) => x.id === "400-prop-invalid-tag");
      expect(s?.outcome).toBe("pass");
      expect(s?.property?.deviations.length).toBeGreaterThan(0);
    });
  });
});
