import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, withServe, tempOut } from "../support/cli";
import { explain, hostileRun } from "../support/hostile/hostileRun";

describe("tokens never reach any output", () => {
  it("not in stdout, stderr or any report, even when given as options", async () => {
    const owner = "OWNER-SECRET-7c1d2e";
    const alt = "ALT-SECRET-4a9f00";
    await withServe([], { ITC_TOKEN: owner, ITC_ALT_TOKEN: alt }, async (server) => {
      const out = tempOut();
      const r = await runCli([
        "run",
        "--target",
        server.url,
        "--rate",
        "0",
        "--out",
        out,
        "--token",
        owner,
        "--alt-token",
        alt,
      ]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/prefer ITC_TOKEN/);
      const texts = [
        r.stdout,
        r.stderr,
        ...["report.json", "junit.xml", "report.md", "report.html"].map((f) =>
          readFileSync(join(out, f), "utf8"),
        ),
      ];
      for (const text of texts) {
        expect(text).not.toContain(owner);
        expect(text).not.toContain(alt);
      }
      // The evidence does show that a token was sent, redacted.
      expect(texts[2]).toContain('"X-Auth-Token": "[redacted]"');
    });
  });
});

// Issue 20, item 8: a target that echoes the token base64-, base64url- or hex-encoded, as HTML character
// references or spaced out (and in the forms issue 11 named) reaches no output: stdout, stderr, the GitHub job
// summary, junit.xml, report.json/md/html and the HAR (hostileRun looks in every file of the out dir and the CLI's
// TMPDIR, which holds the job summary here, for each form).
describe("encoded echoes of a token reach no output", () => {
  const withEveryOutput = {
    args: (out: string) => ["--har", join(out, "run.har")],
    env: (tmp: string) => ({ GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: join(tmp, "step-summary.md") }),
  };

  const cases: readonly (readonly ["echo-token" | "echo-token-in-type", number, string])[] = [
    ["echo-token", 0, "in headers and error bodies (conformant)"],
    ["echo-token-in-type", 1, "also in a failing Content-Type that every reason quotes (non-conformant)"],
  ];
  it.each(cases)(
    "%s: exit %i, %s",
    async (mode, exit) => {
      const h = await hostileRun({ mode }, { exit, maxMs: 90_000 }, withEveryOutput);
      try {
        h.want("the HAR was written", existsSync(join(h.out, "run.har")));
        h.want("the job summary was written", existsSync(join(h.tmp, "step-summary.md")));
        if (mode === "echo-token-in-type") {
          const summary = readFileSync(join(h.tmp, "step-summary.md"), "utf8");
          h.want("the job summary quotes the Content-Type", summary.includes("text/x-echo"));
          h.want("stdout quotes the Content-Type", h.run.stdout.includes("text/x-echo"));
        }
        expect(explain(h)).toEqual([]);
      } finally {
        await h.dispose();
      }
    },
    180_000,
  );
});
