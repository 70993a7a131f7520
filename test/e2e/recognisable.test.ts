import { runCli, tempOut } from "../support/cli";
import { startHostileTarget } from "../support/hostileTarget";
import { tokens } from "../support/reference";

// Issue 20, item 14 (names and tags): every scratch image was named `itc-<run id>-…` and the example tags were
// fixed (`itc-delete-me`, `itc-keep-a`), so a proxy that behaved only for those was certified. Names now carry
// --name-prefix and ten characters drawn from the seed; the example tags are drawn from the seed.

const env = { ITC_TOKEN: tokens.owner, ITC_ALT_TOKEN: tokens.alt };

interface Sent {
  readonly names: string[];
  readonly deletedTags: string[];
  readonly everything: string;
}

async function sent(seed: string, extra: readonly string[] = []): Promise<Sent> {
  // "slow-deletes" with no delay: a faithful forwarder that logs every request with its body.
  const target = await startHostileTarget({ mode: "slow-deletes", deleteDelayMs: 0 });
  try {
    const r = await runCli(
      [
        ...["run", "--target", target.url, "--rate", "0", "--seed", seed, "--out", tempOut(), "--quiet"],
        ...["--only", "204-delete-present-tag,404-absent-tag", ...extra],
      ],
      env,
    );
    expect(r.code).toBe(4); // --only: a partial run, conformant as far as it went
    const creates = target.log.filter((l) => l.method === "POST" && /\/v2\/images$/.test(l.path));
    return {
      names: creates.map((l) => (JSON.parse(l.body ?? "{}") as { name?: string }).name ?? ""),
      deletedTags: target.log
        .filter((l) => l.method === "DELETE" && l.path.includes("/tags/"))
        .map((l) => decodeURIComponent(l.path.split("/tags/")[1] ?? "")),
      everything: target.log.map((l) => `${l.path} ${l.body ?? ""}`).join("\n"),
    };
  } finally {
    await target.stop();
  }
}

describe("the suite is not recognised by fixed names or tags", () => {
  it("--name-prefix names every image it creates, the sentinel's included; nothing sent says itc-", async () => {
    const mine = await sent("3", ["--name-prefix", "acme-"]);
    expect(mine.names.length).toBeGreaterThanOrEqual(3);
    for (const n of mine.names) expect(n).toMatch(/^acme-[a-z0-9]{10}/);
    expect(mine.everything).not.toMatch(/itc-/);
    // Without it the prefix is itc-: the option is what changed the names.
    const plain = await sent("3");
    for (const n of plain.names) expect(n).toMatch(/^itc-[a-z0-9]{10}/);
  }, 120_000);

  it("another seed, other names and other example tags", async () => {
    const [a, b] = [await sent("3"), await sent("4")];
    expect(a.deletedTags.length).toBeGreaterThan(0);
    expect(a.deletedTags.filter((t) => b.deletedTags.includes(t))).toEqual([]);
    expect(a.names.filter((n) => b.names.includes(n))).toEqual([]);
    for (const t of [...a.deletedTags, ...b.deletedTags]) expect(t).not.toMatch(/^itc-/);
  }, 120_000);
});
