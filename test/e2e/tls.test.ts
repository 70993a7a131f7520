import { readReport, runCli, tempOut } from "../support/cli";
import { startConnectProxy } from "../support/connectProxy";
import { profile } from "../support/profiles";
import { startReference, tokens } from "../support/reference";
import { makeTlsFixtures, type TlsFixtures } from "../support/tlsFixtures";

const env = { ITC_TOKEN: tokens.owner, ITC_ALT_TOKEN: tokens.alt };
const oneLine = (text: string): boolean => text.trim().split("\n").length === 1;

let tls: TlsFixtures;
beforeAll(() => {
  tls = makeTlsFixtures();
});

/** The reference over HTTPS with the test CA's certificate (and, asked, requiring a client certificate). */
async function withTlsReference<T>(
  requestCert: boolean,
  fn: (url: string, port: number) => Promise<T>,
): Promise<T> {
  const ref = await startReference(await profile("huawei-ims"), {
    tls: { key: tls.serverKey, cert: tls.serverCert, ca: tls.ca, requestCert },
  });
  try {
    return await fn(ref.url.replace("127.0.0.1", "localhost"), Number(new URL(ref.url).port));
  } finally {
    await ref.server.close();
  }
}

describe("TLS and proxies, as OpenStack users have them", () => {
  it("--os-cacert: conformant over HTTPS, the Pact verification included; without it, one line in words, exit 2", async () => {
    await withTlsReference(false, async (url) => {
      const out = tempOut();
      const ok = await runCli(
        ["run", "--target", url, "--os-cacert", tls.caPath, "--out", out, "--quiet", "--rate", "0"],
        env,
      );
      expect(ok.code).toBe(0);
      const contracts = readReport(out)
        .statuses.flatMap((s) => s.scenarios)
        .filter((s) => s.kind === "contract");
      expect(contracts.filter((s) => s.outcome === "pass").length).toBeGreaterThanOrEqual(4);
      // OS_CACERT says the same.
      expect(
        (
          await runCli(["run", "--target", url, "--out", tempOut(), "--quiet", "--rate", "0"], {
            ...env,
            OS_CACERT: tls.caPath,
          })
        ).code,
      ).toBe(0);
      const untrusted = await runCli(["run", "--target", url, "--out", tempOut(), "--quiet"], env);
      expect(untrusted.code).toBe(2);
      expect(oneLine(untrusted.stderr)).toBe(true);
      expect(untrusted.stderr).toMatch(/TLS certificate is not trusted .*--os-cacert/);
    });
  });

  it("--insecure: no verification of the certificate", async () => {
    await withTlsReference(false, async (url) => {
      const r = await runCli(
        ["run", "--target", url, "--insecure", "--out", tempOut(), "--quiet", "--rate", "0"],
        env,
      );
      expect(r.code).toBe(0);
    });
  });

  it("a client certificate (--os-cert, --os-key) where the server requires one; without it, exit 2 in words", async () => {
    await withTlsReference(true, async (url) => {
      const withCert = [
        "--os-cacert",
        tls.caPath,
        "--os-cert",
        tls.clientCertPath,
        "--os-key",
        tls.clientKeyPath,
      ];
      const out = tempOut();
      const ok = await runCli(
        ["run", "--target", url, ...withCert, "--out", out, "--quiet", "--rate", "0"],
        env,
      );
      expect(ok.code).toBe(0);
      expect(
        readReport(out)
          .statuses.flatMap((s) => s.scenarios)
          .filter((s) => s.kind === "contract" && s.outcome === "pass").length,
      ).toBeGreaterThanOrEqual(4);
      const without = await runCli(
        ["run", "--target", url, "--os-cacert", tls.caPath, "--out", tempOut(), "--quiet"],
        env,
      );
      expect([without.code, oneLine(without.stderr)]).toEqual([2, true]);
      expect(without.stderr).toMatch(/TLS/);
    });
  });

  it("an https URL given for a plain HTTP port: one line in words, exit 2", async () => {
    const ref = await startReference(await profile("huawei-ims"));
    try {
      const r = await runCli(
        ["run", "--target", ref.url.replace("http:", "https:"), "--out", tempOut(), "--quiet"],
        env,
      );
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toBe(true);
      expect(r.stderr).toMatch(/does not speak TLS: is it an http:\/\/ URL given as https:\/\/\?/);
    } finally {
      await ref.server.close();
    }
  });

  it("HTTPS_PROXY carries every request to a host only the proxy reaches; NO_PROXY exempts it", async () => {
    await withTlsReference(false, async (_url, port) => {
      const proxy = await startConnectProxy({ "target.itc.test:443": `127.0.0.1:${port}` });
      try {
        const target = "https://target.itc.test";
        const out = tempOut();
        const r = await runCli(
          ["run", "--target", target, "--os-cacert", tls.caPath, "--out", out, "--quiet", "--rate", "0"],
          { ...env, HTTPS_PROXY: proxy.url },
        );
        expect(r.code).toBe(0);
        expect(proxy.tunnels()).toBeGreaterThan(10);
        // The verifier child went through the proxy too: its contract scenarios passed against that host.
        expect(
          readReport(out)
            .statuses.flatMap((s) => s.scenarios)
            .filter((s) => s.kind === "contract" && s.outcome === "pass").length,
        ).toBeGreaterThanOrEqual(4);
        const exempt = await runCli(
          [
            "run",
            "--target",
            target,
            "--os-cacert",
            tls.caPath,
            "--out",
            tempOut(),
            "--quiet",
            "--timeout",
            "5",
          ],
          {
            ...env,
            HTTPS_PROXY: proxy.url,
            NO_PROXY: "target.itc.test",
          },
        );
        expect(exempt.code).toBe(3);
        expect(exempt.stdout).toMatch(/host not found/);
      } finally {
        await proxy.close();
      }
    });
  });
});
