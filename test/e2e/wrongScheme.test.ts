import { runCli, tempOut } from "../support/cli";
import { profile } from "../support/profiles";
import { startReference, tokens } from "../support/reference";
import { makeTlsFixtures } from "../support/tlsFixtures";

// Issue 22, item 6: a URL with the wrong scheme is the user's to fix, said in one line that names the fix; it is
// not "target unreachable" (the target answered, in another protocol).

const env = { ITC_TOKEN: tokens.owner, ITC_ALT_TOKEN: tokens.alt };

describe("a URL whose scheme does not match the port", () => {
  it("https:// for a plain HTTP port: exit 2, one line naming the http:// URL, not 'unreachable'", async () => {
    const ref = await startReference(await profile("huawei-ims"));
    try {
      const wrong = ref.url.replace("http:", "https:");
      const r = await runCli(["run", "--target", wrong, "--out", tempOut(), "--quiet"], env);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/unreachable/i);
      expect(r.stderr).toMatch(/does not speak TLS/);
      expect(r.stderr).toContain(`Give ${ref.url} instead`);
    } finally {
      await ref.server.close();
    }
  });

  it("http:// for a TLS port: exit 2, one line naming the https:// URL, not 'unreachable'", async () => {
    const tls = makeTlsFixtures();
    const ref = await startReference(await profile("huawei-ims"), {
      tls: { key: tls.serverKey, cert: tls.serverCert, ca: tls.ca, requestCert: false },
    });
    try {
      const wrong = ref.url.replace("https:", "http:");
      const r = await runCli(["run", "--target", wrong, "--out", tempOut(), "--quiet"], env);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/unreachable/i);
      expect(r.stderr).toContain(`Give ${ref.url} instead`);
      expect(r.code).toBe(2);
    } finally {
      await ref.server.close();
    }
  });
});
