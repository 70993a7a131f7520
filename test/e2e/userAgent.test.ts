import { readReport, runCli, tempOut } from "../support/cli";
import { startHostileTarget } from "../support/hostileTarget";
import { tokens } from "../support/reference";

// Issue 20, item 14 (its User-Agent part): the suite sent no User-Agent, so a proxy that behaved only for
// requests without one was certified. Every request now carries one, as OpenStack's client sends it, or the one
// --user-agent gives (which the reproduce command keeps).

const env = { ITC_TOKEN: tokens.owner, ITC_ALT_TOKEN: tokens.alt };
const osc = "openstacksdk/0.101.0 keystoneauth1/5.0.0 python-requests/2.28.1 CPython/3.11.2";

async function userAgentsOf(
  extra: readonly string[],
): Promise<{ agents: Set<string | undefined>; out: string; code: number | null }> {
  // "slow-deletes" with no delay: a faithful forwarder that logs every request, the Pact verifier's included.
  const target = await startHostileTarget({ mode: "slow-deletes", deleteDelayMs: 0 });
  try {
    const out = tempOut();
    const r = await runCli(
      ["run", "--target", target.url, "--rate", "0", "--seed", "1", "--out", out, "--quiet", ...extra],
      env,
    );
    return { agents: new Set(target.log.map((l) => l.userAgent)), out, code: r.code };
  } finally {
    await target.stop();
  }
}

describe("User-Agent", () => {
  it("every request carries the OpenStack client's User-Agent by default", async () => {
    const { agents, code } = await userAgentsOf([]);
    expect(code).toBe(0);
    expect([...agents]).toEqual([osc]);
  }, 120_000);

  it("--user-agent sets it on every request, the Pact verification's included, and the reproduce command keeps it", async () => {
    const mine = "my-cloud-cli/2.1 (certification; +https://example.com)";
    const { agents, out, code } = await userAgentsOf(["--user-agent", mine]);
    expect(code).toBe(0);
    expect([...agents]).toEqual([mine]);
    const report = readReport(out);
    expect(
      report.statuses.flatMap((s) => s.scenarios).some((s) => s.kind === "contract" && s.outcome === "pass"),
    ).toBe(true);
    expect(report.command).toContain(`--user-agent '${mine}'`);
  }, 120_000);

  it("a User-Agent that is no header value: exit 2, one line", async () => {
    const r = await runCli(
      ["run", "--target", "http://127.0.0.1:9", "--user-agent", "bad\nvalue", "--quiet"],
      env,
    );
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/--user-agent must be/);
  });
});
