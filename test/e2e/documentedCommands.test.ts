import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { packageRoot } from "../../src/util/packageRoot";
import { cleanEnv, cliPath, tempOut, withServe, type CliResult } from "../support/cli";
import { docCommands } from "../support/readmeCommands";

// The docs' commands that need a cloud, run as written (through bash, the words as the page has them) against
// a Keystone of this file and `serve`, all on loopback: the README's and the how-to's certification (run
// --os-cloud ... --sign, then verify-report), the how-to's cleanup commands and GitLab's matrix job. The
// installed command is this build, on PATH as `image-tag-conformance`; test:package installs the package itself.

const read = (page: string): string[] => docCommands(readFileSync(join(packageRoot, page), "utf8"));
const find = (page: string, pattern: RegExp): string => {
  const command = read(page).find((c) => pattern.test(c));
  if (command === undefined) throw new Error(`${page} shows no command matching ${String(pattern)}`);
  return command;
};

/** A folder with `image-tag-conformance` in it: the built CLI, as an install puts it on PATH. */
function binFolder(): string {
  const bin = join(tempOut(), "bin");
  mkdirSync(bin);
  writeFileSync(
    join(bin, "image-tag-conformance"),
    `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`,
  );
  chmodSync(join(bin, "image-tag-conformance"), 0o755);
  return bin;
}
const bin = binFolder();

/** What a run printed on stderr besides its progress lines: an error or a note. */
const complaints = (r: CliResult): string[] =>
  r.stderr
    .split("\n")
    .filter((l) => l !== "" && !/^(run \S+: scratch images|\[\d+\/\d+\] |cleaning up)/.test(l));

/** Runs a shell line as a user types it, in `cwd`, with the CLI on PATH. */
function sh(line: string, cwd: string, env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-c", line], {
      cwd,
      env: cleanEnv({ ...env, PATH: `${bin}:${process.env["PATH"] ?? ""}` }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * A Keystone v3 that gives each user of clouds.yaml the token `serve` knows for that identity, with a catalog
 * whose image endpoint (in every region the docs name) is `serve`'s URL.
 */
async function withKeystone<T>(imageUrl: string, fn: (authUrl: string) => Promise<T>): Promise<T> {
  const identities: Readonly<Record<string, { token: string; project: string }>> = {
    "owner-user": { token: "owner-token", project: "p-owner" },
    "alt-user": { token: "alt-token", project: "p-alt" },
  };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      // The run revokes no token here: this Keystone gives each user one token, the run's own.
      if (req.method !== "POST") {
        res.writeHead(405, { "Content-Type": "application/json" }).end("{}");
        return;
      }
      const name = (JSON.parse(body) as { auth?: { identity?: { password?: { user?: { name?: string } } } } })
        .auth?.identity?.password?.user?.name;
      const identity = identities[name ?? ""];
      if (identity === undefined) {
        res.writeHead(401, { "Content-Type": "application/json" }).end("{}");
        return;
      }
      const now = Date.now();
      const endpoints = ["RegionOne", "eu-de", "eu-nl"].map((region) => ({
        interface: "public",
        region_id: region,
        url: imageUrl,
      }));
      res.writeHead(201, { "X-Subject-Token": identity.token, "Content-Type": "application/json" }).end(
        JSON.stringify({
          token: {
            issued_at: new Date(now).toISOString(),
            expires_at: new Date(now + 3600_000).toISOString(),
            project: { id: identity.project },
            catalog: [{ type: "image", endpoints }],
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

/** A clouds.yaml with the clouds the docs name, each the owner or the alt user of the Keystone given. */
function cloudsYaml(dir: string, authUrl: string): string {
  const cloud = (user: string): string =>
    `    auth:\n      auth_url: ${authUrl}\n      username: ${user}\n      password: a-password\n      project_name: p\n`;
  const path = join(dir, "clouds.yaml");
  writeFileSync(
    path,
    `clouds:\n  owner:\n${cloud("owner-user")}  alt:\n${cloud("alt-user")}  otc:\n${cloud("owner-user")}  otc-alt:\n${cloud("alt-user")}`,
  );
  return path;
}

describe("the certification commands of the README and the how-to, as written, through Keystone", () => {
  it.each(["README.md", "docs/how-to/certify-and-verify.md"])(
    "%s: run --os-cloud owner --alt-os-cloud alt ... --sign vendor-key.pem, then verify-report with vendor-pub.pem",
    async (page) => {
      const certify = find(page, /^image-tag-conformance run --os-cloud /);
      const verify = find(page, /^image-tag-conformance verify-report /);
      await withServe(["--profile", "openstack-glance"], {}, async (server) =>
        withKeystone(server.url, async (authUrl) => {
          const cwd = tempOut();
          const { privateKey, publicKey } = generateKeyPairSync("ed25519");
          writeFileSync(join(cwd, "vendor-key.pem"), privateKey.export({ type: "pkcs8", format: "pem" }));
          writeFileSync(join(cwd, "vendor-pub.pem"), publicKey.export({ type: "spki", format: "pem" }));
          const env = { OS_CLIENT_CONFIG_FILE: cloudsYaml(tempOut(), authUrl) };
          const run = await sh(certify, cwd, env);
          expect({ code: run.code, stderr: complaints(run) }).toEqual({ code: 0, stderr: [] });
          expect(run.stdout).toMatch(/^verdict: conformant \(exit 0\)/m);
          expect(run.stdout).toMatch(/^attestation: /m);
          const check = await sh(verify, cwd, {});
          expect({ code: check.code, stderr: check.stderr }).toEqual({ code: 0, stderr: "" });
          expect(check.stdout).toMatch(/^verified: /m);
        }),
      );
    },
  );

  it("certify-an-openstack-cloud.md: its run, and its cleanup commands (a dry run, then --yes)", async () => {
    const page = "docs/how-to/certify-an-openstack-cloud.md";
    const cleanups = read(page).filter((c) => c.startsWith("image-tag-conformance cleanup "));
    expect(cleanups.length).toBe(3);
    await withServe(["--profile", "openstack-glance"], {}, async (server) =>
      withKeystone(server.url, async (authUrl) => {
        const cwd = tempOut();
        const env = { OS_CLIENT_CONFIG_FILE: cloudsYaml(tempOut(), authUrl) };
        const run = await sh(find(page, /^image-tag-conformance run --os-cloud /), cwd, env);
        expect({ code: run.code, stderr: complaints(run) }).toEqual({ code: 0, stderr: [] });
        for (const cleanup of cleanups) {
          const r = await sh(cleanup, cwd, env);
          expect({ cleanup, code: r.code, stderr: complaints(r) }).toEqual({ cleanup, code: 0, stderr: [] });
        }
      }),
    );
  });

  it('ci.md\'s GitLab job: run --os-cloud otc --alt-os-cloud otc-alt --os-region-name "${CLOUD#otc-}" ..., then merge', async () => {
    const page = "docs/how-to/ci.md";
    // The job runs the CLI through npx of the git URL (test:package runs that prefix); here, the installed one.
    const viaNpx = /^npx --yes "git\+https:\/\/\S+" /;
    const job = find(page, /^npx --yes \S+ run --os-cloud otc /).replace(viaNpx, "image-tag-conformance ");
    const merge = find(page, /^npx --yes \S+ merge reports\//).replace(viaNpx, "image-tag-conformance ");
    await withServe([], {}, async (server) =>
      withKeystone(server.url, async (authUrl) => {
        const cwd = tempOut();
        const env = { OS_CLIENT_CONFIG_FILE: cloudsYaml(tempOut(), authUrl) };
        // One entry of the matrix (--rate 10, as written, makes a run last about 20 s).
        const r = await sh(job, cwd, { ...env, CLOUD: "otc-eu-de" });
        expect({ code: r.code, stderr: complaints(r) }).toEqual({ code: 0, stderr: [] });
        expect(readFileSync(join(cwd, "reports", "otc-eu-de", "junit.xml"), "utf8")).toMatch(/<testsuites/);
        const merged = await sh(merge, cwd, {});
        expect({ code: merged.code, stderr: merged.stderr }).toEqual({ code: 0, stderr: "" });
        expect(readFileSync(join(cwd, "reports", "merged", "merged.md"), "utf8")).toMatch(/\|/);
      }),
    );
  });
});
