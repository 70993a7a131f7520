import { readReport, runCli, tempOut, withServe } from "../support/cli";

// Issue 20, item 3: --rate (the CI examples set 10) spaced the concurrency tier's "parallel" deletes 100 ms apart,
// so a lost update never showed. The parallel deletes of a round now leave together, counted against the rate;
// the rate is in report.settings and in the command that reproduces the run.

const env = { ITC_TOKEN: "owner-token", ITC_ALT_TOKEN: "alt-token" };

describe("--rate and the concurrency tier", () => {
  it("--rate 10 against the lost-update mutant: the concurrency tier still finds it; the rate is recorded and replayed", async () => {
    await withServe(["--mutant", "lost-update"], {}, async (server) => {
      const out = tempOut();
      const r = await runCli(
        [
          "run",
          "--target",
          server.url,
          "--rate",
          "10",
          "--only",
          "204-concurrent-distinct-tags",
          "--seed",
          "1",
          "--out",
          out,
          "--quiet",
        ],
        env,
      );
      const report = readReport(out);
      const scenario = report.statuses
        .flatMap((s) => s.scenarios)
        .find((s) => s.id === "204-concurrent-distinct-tags");
      expect(scenario?.outcome).toBe("fail");
      expect(scenario?.reason).toMatch(/the deleted tags are gone/);
      expect(report.settings.rate).toBe(10);
      expect(report.command).toMatch(/ --rate 10( |$)/);
      // A finding of the extended tier, in a partial run (--only): incomplete, never conformant.
      expect(r.code).toBe(4);
    });
  });
});
