import { readReport, runCli, withServe, tempOut } from "../support/cli";

const env = { ITC_TOKEN: "owner-token", ITC_ALT_TOKEN: "alt-token" };

describe("verify-contracts", () => {
  it.each(["huawei-ims", "openstack-glance"])(
    "%s: every interaction of the committed pact verifies against the embedded reference (a partial run: exit 4)",
    async (profile) => {
      const out = tempOut();
      const r = await runCli(["verify-contracts", "--profile", profile, "--out", out, "--quiet"]);
      // Contracts alone certify nothing: the run is partial, so incomplete, never "conformant".
      expect(r.code).toBe(4);
      expect(readReport(out)).toMatchObject({
        verdict: "incomplete",
        partial: expect.stringMatching(/verify-contracts/) as unknown,
      });
      const scenarios = readReport(out).statuses.flatMap((s) => s.scenarios);
      expect(scenarios.length).toBe(readReport(out).statuses.length);
      expect(scenarios.every((s) => s.kind === "contract" && s.outcome === "pass")).toBe(true);
    },
  );

  it("a broken variant fails the matching interaction, and the report says which", async () => {
    await withServe(["--mutant", "status-200"], {}, async (server) => {
      const out = tempOut();
      const r = await runCli(
        ["verify-contracts", "--target", server.url, "--out", out, "--quiet", "--rate", "0"],
        env,
      );
      expect(r.code).toBe(1);
      const scenarios = readReport(out).statuses.flatMap((s) => s.scenarios);
      const failed = scenarios.filter((s) => s.outcome === "fail");
      expect(failed.map((s) => s.id)).toEqual(["204-contract-delete-a-tag-present-on-an-own-image"]);
      expect(failed[0]?.reason).toMatch(/expected 204 but was 200/);
      // A live target cannot be put into the 500 and 503 states.
      expect(scenarios.filter((s) => s.outcome === "not-exercised").map((s) => s.id)).toEqual([
        "500-contract-delete-while-the-service-fails",
        "503-contract-delete-while-the-service-is-unavailable",
      ]);
    });
  });
});
