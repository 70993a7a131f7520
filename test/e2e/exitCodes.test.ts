import { readReport, runCli, tempOut } from "../support/cli";

const oneLine = (text: string): boolean => text.trim().split("\n").length === 1 && !/\n\s+at /.test(text);

describe("exit codes and bad input", () => {
  it("2 for --target not-a-url, with one line and no stack", async () => {
    const r = await runCli(["run", "--target", "not-a-url"], { ITC_TOKEN: "a-token-123" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--target "not-a-url" is not a URL/);
    expect(oneLine(r.stderr)).toBe(true);
  });

  it("2 for --only naming a scenario the profile does not have (with --strict, the flagged ones)", async () => {
    const typo = await runCli(["run", "--only", "204-delete-present-tags"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(
      /--only: no scenario 204-delete-present-tags applies to profile huawei-ims; its scenarios: 204-delete-present-tag,/,
    );
    expect(oneLine(typo.stderr)).toBe(true);
    const strict = await runCli([
      "run",
      "--profile",
      "openstack-glance",
      "--strict",
      "--only",
      "204-flagged-non-ascii-in-path",
    ]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/with --strict \(which drops the flagged ones\)/);
  });

  it("3 for an unreachable target, with the report still written", async () => {
    const out = tempOut();
    const r = await runCli(["run", "--target", "http://127.0.0.1:1", "--out", out, "--quiet"], {
      ITC_TOKEN: "a-token-123",
    });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/aborted: target unreachable/);
    expect(readReport(out)).toMatchObject({
      verdict: "incomplete",
      exitCode: 3,
      aborted: { kind: "unreachable" },
    });
  });

  it("3 for an unreachable Keystone, said as such (not as an internal error)", async () => {
    const r = await runCli([
      "run",
      "--os-auth-url",
      "http://127.0.0.1:1/v3",
      "--os-username",
      "u",
      "--os-password",
      "a-password",
      "--os-project-name",
      "p",
    ]);
    expect(r.code).toBe(3);
    // A password given as an option is noted (process list), then the one-line error.
    expect(r.stderr).toMatch(/^note: passwords given as options show in the process list/);
    expect(r.stderr).toMatch(
      /^image-tag-conformance: Keystone at http:\/\/127\.0\.0\.1:1\/v3 is unreachable/m,
    );
    expect(r.stderr).not.toMatch(/internal error|a-password/);
    expect(r.stderr.trim().split("\n").length).toBe(2);
  });

  it.each([
    [["run", "--bogus"], /unknown option --bogus for run/],
    [["run", "--target", "http://127.0.0.1:1"], /needs a token/],
    [["run", "--token", "x"], /need --target/],
    [["run", "--profile", "nope"], /no such profile/],
    [["serve", "--port", "99999"], /--port must be/],
    [["serve", "--mutant", "nope"], /unknown mutant/],
    [["frobnicate"], /unknown command/],
  ])("2 for %j", async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(oneLine(r.stderr)).toBe(true);
  });

  it.each([[["--help"]], [["run", "--help"]], [["serve", "--help"]], [["--version"]]])(
    "%j answers on stdout with exit 0",
    async (args) => {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
      expect(r.stderr).toBe("");
    },
  );
});
