import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempOut, withServe } from "../support/cli";

// Tokens of our own (serve takes them from the same variables), so that a leak would be found.
const tokens = { ITC_TOKEN: "gh-owner-4c1e9a", ITC_ALT_TOKEN: "gh-alt-77d2b0" };
const workflowCommands = (stdout: string): string[] => stdout.split("\n").filter((l) => l.startsWith("::"));

describe("GitHub Actions: job summary and annotations, through the real CLI", () => {
  it("conformant (embedded reference): the summary holds the verdict and the table; no ::error", async () => {
    const out = tempOut();
    const summaryFile = join(out, "step-summary.md");
    writeFileSync(summaryFile, "# an earlier step's summary\n");
    const r = await runCli(["run", "--out", out, "--quiet"], {
      GITHUB_ACTIONS: "true",
      GITHUB_STEP_SUMMARY: summaryFile,
    });
    expect(r.code).toBe(0);
    const md = readFileSync(summaryFile, "utf8");
    // Appended, not overwritten: other steps' summaries stay.
    expect(md.startsWith("# an earlier step's summary\n")).toBe(true);
    expect(md).toMatch(/^## ✅ image-tag-conformance: conformant$/m);
    for (const status of [204, 400, 401, 403, 404, 500, 503])
      expect(md).toMatch(new RegExp(`^\\| ${status} \\| PASS \\| \\d+/\\d+ \\|`, "m"));
    expect(md).not.toMatch(/### Failures/);
    expect(workflowCommands(r.stdout).filter((l) => l.startsWith("::error"))).toEqual([]);
    // Not a terminal: no colour (ECMA-48 escape codes) anywhere.
    expect(r.stdout + r.stderr).not.toContain("\x1b[");
  });

  it("a finding only (serve --mutant lost-update): a ::warning FINDING, no ::error, exit 0", async () => {
    await withServe(["--mutant", "lost-update"], tokens, async (server) => {
      const out = tempOut();
      const r = await runCli(
        ["run", "--target", server.url, "--out", out, "--quiet", "--rate", "0", "--seed", "1"],
        { ...tokens, GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: join(out, "step-summary.md") },
      );
      expect(r.code).toBe(0);
      const commands = workflowCommands(r.stdout);
      expect(commands).toContainEqual(
        expect.stringMatching(/^::warning title=FINDING 204-concurrent-distinct-tags::/),
      );
      expect(commands.filter((l) => l.startsWith("::error"))).toEqual([]);
    });
  });

  it("non-conformant (serve --mutant status-200): ::error names the failing scenario; the summary holds the failure", async () => {
    await withServe(["--mutant", "status-200"], tokens, async (server) => {
      const out = tempOut();
      const summaryFile = join(out, "step-summary.md");
      const r = await runCli(
        ["run", "--target", server.url, "--out", out, "--quiet", "--rate", "0", "--seed", "1"],
        { ...tokens, GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summaryFile },
      );
      expect(r.code).toBe(1);
      const errors = workflowCommands(r.stdout).filter((l) => l.startsWith("::error"));
      expect(errors).toContainEqual(
        expect.stringMatching(
          /^::error title=FAIL 204 204-delete-present-tag::status: expected 204, got 200/,
        ),
      );
      // The concurrency tier saw 200s too: an undocumented status binds every tier, so those are errors too,
      // each naming the rule it broke (a mere finding is a warning: see the lost-update test below).
      const concurrent = errors.filter((l) => l.includes("concurrent"));
      expect(concurrent.length).toBeGreaterThan(0);
      for (const l of concurrent) expect(l).toMatch(/status is documented/);
      const md = readFileSync(summaryFile, "utf8");
      expect(md).toMatch(/^## ❌ image-tag-conformance: non-conformant$/m);
      expect(md).toMatch(/^\| 204 \| FAIL \| 0\/\d+ \|/m);
      expect(md).toMatch(/^### Failures \(decide the verdict\)$/m);
      expect(md).toMatch(/^- \*\*204\*\* `204-delete-present-tag`: status: expected 204, got 200/m);
      // A property failure carries its counterexample and the command that replays it.
      expect(md).toMatch(/^ {2}- counterexample: `.+`$/m);
      expect(md).toMatch(/^ {2}- replay: `ITC_TOKEN=<token> .*--only 204-prop-delete-present --replay-path/m);
      expect(md).toMatch(/^### Not exercised$/m);
      expect(md + r.stdout + r.stderr).not.toMatch(/gh-owner-4c1e9a|gh-alt-77d2b0/);
    });
  });

  it("outside GitHub Actions (neither variable set): no workflow command", async () => {
    const out = tempOut();
    const r = await runCli(["run", "--out", out, "--quiet", "--only", "204-delete-present-tag"]);
    expect(r.stdout).toMatch(/^verdict: /m);
    expect(workflowCommands(r.stdout)).toEqual([]);
  });
});
