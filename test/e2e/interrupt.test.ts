import { readReport, runCli, tempOut } from "../support/cli";
import { profile } from "../support/profiles";
import { withReference, tokens } from "../support/reference";

describe("Ctrl-C", () => {
  it("stops the run, deletes every scratch image, writes the report and exits 3", async () => {
    // A slow in-process reference, so the signal lands mid-run; its store shows what the run left behind.
    await withReference(await profile("huawei-ims"), { latencyMs: 40 }, async (ref) => {
      const out = tempOut();
      let sent = false;
      const r = await runCli(
        ["run", "--target", ref.url, "--out", out],
        { ITC_TOKEN: tokens.owner, ITC_ALT_TOKEN: tokens.alt },
        (stderr, child) => {
          if (!sent && stderr.includes("[2/")) {
            sent = true;
            child.kill("SIGINT");
          }
        },
      );
      expect(sent).toBe(true);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/stopping: cleaning up/);
      const report = readReport(out);
      expect(report.aborted?.kind).toBe("user");
      expect(report.cleanup.created).toBeGreaterThan(0);
      expect(report.cleanup.deleted).toBe(report.cleanup.created);
      expect(ref.server.images.size).toBe(0);
    });
  });
});
