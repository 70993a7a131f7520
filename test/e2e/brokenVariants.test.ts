import { mutants } from "../../src/mutants/catalog";
import { readReport, runCli, withServe, tempOut } from "../support/cli";

const env = { ITC_TOKEN: "owner-token", ITC_ALT_TOKEN: "alt-token" };

describe("run --target against `serve`", () => {
  it("the faithful reference is conformant; 500 and 503 are not exercised on a live target, with the reason", async () => {
    await withServe([], {}, async (server) => {
      const out = tempOut();
      const r = await runCli(["run", "--target", server.url, "--out", out, "--quiet", "--rate", "0"], env);
      expect(r.code).toBe(0);
      const report = readReport(out);
      const fault = report.statuses.filter((s) => s.outcome === "not-exercised").map((s) => s.status);
      expect(fault).toEqual([500, 503]);
      expect(report.statuses.find((s) => s.status === 500)?.reason).toMatch(
        /none of the run's \d+ requests got a 5xx/,
      );
      expect(report.stats.serverErrors).toEqual([]);
    });
  });

  it("without an alt token the run is incomplete: exit 4", async () => {
    await withServe([], {}, async (server) => {
      const out = tempOut();
      const r = await runCli(["run", "--target", server.url, "--out", out, "--quiet", "--rate", "0"], {
        ITC_TOKEN: "owner-token",
      });
      expect(r.code).toBe(4);
      expect(readReport(out).statuses.find((s) => s.status === 403)).toMatchObject({
        outcome: "not-exercised",
      });
    });
  });

  // The six broken variants of the walking skeleton's issue; the mutants command scores the whole corpus.
  const six = [
    "status-200",
    "tag-kept",
    "all-tags-deleted",
    "absent-tag-204",
    "token-ignored",
    "cross-project-delete",
  ];
  it.each(mutants.filter((m) => six.includes(m.name)).map((m) => [m.name, m.defect, m.rows] as const))(
    "mutant %s (%s): exit 1, rows %j fail",
    async (name, _defect, caughtBy) => {
      await withServe(["--mutant", name], {}, async (server) => {
        const out = tempOut();
        const r = await runCli(
          ["run", "--target", server.url, "--out", out, "--quiet", "--rate", "0", "--seed", "1"],
          env,
        );
        expect(r.code).toBe(1);
        const report = readReport(out);
        expect(report.verdict).toBe("non-conformant");
        expect(report.statuses.filter((s) => s.outcome === "fail").map((s) => s.status)).toEqual([
          ...caughtBy,
        ]);
        for (const status of caughtBy) expect(r.stdout).toMatch(new RegExp(`^ {2}${status} {2}FAIL`, "m"));
      });
    },
  );
});
