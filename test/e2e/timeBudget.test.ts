import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../support/cli";
import { hostileRun } from "../support/hostile/hostileRun";

// Issue 20 item 1: --time-budget stopped waiting for the case that was running when the budget ran out, without
// judging it: a target answering 500 (after 1.5 s) to tags over 64 characters was certified conformant, signed,
// and verified. A case that has started always runs to its end and is judged; a 5xx no judged case accounts for
// is a breach; verify-report refuses a conformant report whose run saw a 5xx no evidence asked for.
describe("--time-budget never certifies a 5xx it saw", () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: not conformant, and what is signed verifies as such`, async () => {
      const keys = mkdtempSync(join(tmpdir(), "itc-budget-keys-"));
      const { privateKey, publicKey } = generateKeyPairSync("ed25519");
      writeFileSync(join(keys, "key.pem"), privateKey.export({ type: "pkcs8", format: "pem" }));
      writeFileSync(join(keys, "pub.pem"), publicKey.export({ type: "spki", format: "pem" }));
      const h = await hostileRun(
        { mode: "slow-long-500" },
        { exit: 1, maxMs: 120_000 },
        { args: () => ["--time-budget", "1", "--seed", String(seed), "--sign", join(keys, "key.pem")] },
      );
      try {
        h.want(
          "the proxy answered 500 to some long tag",
          h.target.log.some((r) => r.fate === "500 after 1.5 s"),
        );
        h.want('verdict "non-conformant"', h.report?.verdict === "non-conformant", h.report?.verdict);
        const verified = await runCli(["verify-report", h.out, "--key", join(keys, "pub.pem")]);
        h.want("verify-report exits 0 on what was signed", verified.code === 0, verified.stdout.slice(-400));
        h.want(
          "and says non-conformant",
          /non-conformant/.test(verified.stdout),
          verified.stdout.slice(-400),
        );
        expect(h.failed).toEqual([]);
      } finally {
        await h.dispose();
        rmSync(keys, { recursive: true, force: true });
      }
    }, 240_000);
  }
});
