import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, withServe, tempOut } from "../support/cli";

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
