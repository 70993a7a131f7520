import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { readReport, runCli, tempOut, withServe, type CliResult } from "../support/cli";

// What a new user tripped over (issue 22): each hint names what was given and what to do, in one line, exit 2,
// and never suggests a command that would write over the user's own file.
const oneLine = (r: CliResult): string[] => r.stderr.trim().split("\n");

describe("verify-report --key: says what was given, and suggests no command that overwrites it", () => {
  const dir = tempOut();
  const folder = join(dir, "certification");
  mkdirSync(folder);
  const { privateKey } = generateKeyPairSync("ed25519");
  const privatePem = join(dir, "vendor-key.pem");
  writeFileSync(privatePem, privateKey.export({ type: "pkcs8", format: "pem" }));
  const clouds = join(dir, "clouds.yaml");
  writeFileSync(clouds, "clouds:\n  owner:\n    auth:\n      auth_url: https://keystone.example.com/v3\n");

  it("a clouds.yaml: named as such; the openssl hint writes vendor-pub.pem, never clouds.yaml", async () => {
    const r = await runCli(["verify-report", folder, "--key", clouds]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toEqual([
      expect.stringMatching(/--key \S+clouds\.yaml: not an ed25519 public key in PEM but a clouds\.yaml: /),
    ]);
    expect(r.stderr).toMatch(/-out vendor-pub\.pem\)/);
    expect(r.stderr).not.toMatch(/-out \S*clouds\.yaml/);
  });

  it("the signer's private key is refused (exit 2), not quietly used for its public half", async () => {
    const r = await runCli(["verify-report", folder, "--key", privatePem]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toEqual([
      expect.stringMatching(
        /--key \S+vendor-key\.pem: not an ed25519 public key in PEM but an ed25519 private key: give its public half, made with: openssl pkey -in \S+vendor-key\.pem -pubout -out vendor-pub\.pem/,
      ),
    ]);
  });

  it("run --sign with something that is not a private key says what it is, and suggests a new file", async () => {
    const out = tempOut();
    const r = await runCli(["run", "--quiet", "--sign", clouds, "--out", out]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toEqual([
      expect.stringMatching(
        /--sign \S+clouds\.yaml: not an unencrypted ed25519 private key in PKCS#8 PEM but a clouds\.yaml \(make a key with: openssl genpkey -algorithm ed25519 -out vendor-key\.pem\)/,
      ),
    ]);
  });
});

describe("tokens and --os-* options: alternatives, said as such", () => {
  it("run --target … --token T --os-cloud owner names the two options that conflict (not 'no Keystone')", async () => {
    const r = await runCli([
      "run",
      "--target",
      "http://127.0.0.1:1",
      "--token",
      "a-token-of-the-owner",
      "--os-cloud",
      "owner",
    ]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toEqual([
      expect.stringMatching(
        /^image-tag-conformance: --token and --os-cloud are alternatives, not to be combined/,
      ),
    ]);
    expect(r.stderr).not.toMatch(/name no Keystone/);
  });

  it("--alt-token beside --os-cloud is refused as well (it used to be dropped without a word)", async () => {
    const r = await runCli(["run", "--os-cloud", "owner", "--alt-token", "a-token-of-the-alt"]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toEqual([expect.stringMatching(/--alt-token and --os-cloud are alternatives/)]);
  });

  it("--os-* options without an auth URL say that --os-cloud and --os-auth-url are alternatives", async () => {
    const r = await runCli(["run", "--os-username", "someone"]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toEqual([
      expect.stringMatching(/give either --os-cloud \(a cloud of clouds\.yaml\) or --os-auth-url/),
    ]);
  });
});

describe("a mistyped option or command: did you mean", () => {
  it.each([
    [["run", "--os-clod", "owner"], "unknown option --os-clod for run: did you mean --os-cloud?"],
    [
      ["cleanup", "--older-then", "1d"],
      "unknown option --older-then for cleanup: did you mean --older-than?",
    ],
    [
      ["verify-report", "dir", "--kye", "k.pem"],
      "unknown option --kye for verify-report: did you mean --key?",
    ],
    [["run", "--bogus"], "unknown option --bogus for run (see --help)"],
  ])("%j: one line, exit 2", async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toEqual([expect.stringContaining(message)]);
  });

  it("a mistyped command gets the command it is closest to", async () => {
    const r = await runCli(["verify-reprot", "dir"]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toEqual([
      expect.stringMatching(/unknown command "verify-reprot" \(did you mean verify-report\?\)/),
    ]);
  });
});

describe("--help of each command is its own", () => {
  it("verify-contracts --help gives verify-contracts' usage, not run's", async () => {
    const r = await runCli(["verify-contracts", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("Usage: image-tag-conformance verify-contracts [options]");
  });
});

/**
 * A Keystone v3 that issues the reference's owner token to anyone, with a catalog whose image endpoint is the
 * given URL: enough for `run --os-cloud owner` against `serve`, all on loopback.
 */
async function withKeystone<T>(imageUrl: string, fn: (authUrl: string) => Promise<T>): Promise<T> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const now = Date.now();
      res.writeHead(201, { "X-Subject-Token": "owner-token", "Content-Type": "application/json" }).end(
        JSON.stringify({
          token: {
            issued_at: new Date(now).toISOString(),
            expires_at: new Date(now + 3600_000).toISOString(),
            project: { id: "p-owner" },
            catalog: [{ type: "image", endpoints: [{ interface: "public", url: imageUrl }] }],
          },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    return await fn(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}/v3`);
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  }
}

describe("a scenario that needs the alt identity, in a run through Keystone", () => {
  it("--os-cloud owner without an alt cloud: the reason asks for --alt-os-cloud, not --alt-token", async () => {
    await withServe([], {}, async (server) =>
      withKeystone(server.url, async (authUrl) => {
        const dir = tempOut();
        const cloudsYaml = join(dir, "clouds.yaml");
        writeFileSync(
          cloudsYaml,
          `clouds:\n  owner:\n    auth:\n      auth_url: ${authUrl}\n      username: u\n      password: a-password\n      project_name: p\n`,
        );
        const out = join(dir, "out");
        const r = await runCli(
          [
            "run",
            "--os-cloud",
            "owner",
            "--only",
            "403-shared-image-not-modifiable",
            "--quiet",
            "--out",
            out,
          ],
          { OS_CLIENT_CONFIG_FILE: cloudsYaml },
        );
        expect([r.code, r.stderr]).toEqual([4, ""]);
        const scenario = readReport(out)
          .statuses.flatMap((s) => s.scenarios)
          .find((s) => s.id === "403-shared-image-not-modifiable");
        expect(scenario).toMatchObject({ outcome: "not-exercised", cause: "needs-input" });
        expect(scenario?.reason).toMatch(/give --alt-os-cloud/);
        expect(scenario?.reason).not.toMatch(/--alt-token/);
      }),
    );
  });
});
