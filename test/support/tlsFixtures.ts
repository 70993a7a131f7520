import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempFolder } from "./tempFolder";

export interface TlsFixtures {
  readonly dir: string;
  /** File paths, for the CLI's options. */
  readonly caPath: string;
  readonly clientCertPath: string;
  readonly clientKeyPath: string;
  /** Contents, for the server. */
  readonly ca: Buffer;
  readonly serverCert: Buffer;
  readonly serverKey: Buffer;
}

function openssl(dir: string, args: readonly string[]): void {
  const r = spawnSync("openssl", args, { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`openssl ${args.join(" ")} failed: ${r.stderr}`);
}

/** A key and a certificate for it, `<name>.key` and `<name>.pem`, signed by the CA in ca.pem / ca.key. */
function issue(dir: string, name: string, subject: string, extfile?: string): void {
  openssl(dir, [
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-subj",
    subject,
    "-keyout",
    `${name}.key`,
    "-out",
    `${name}.csr`,
  ]);
  openssl(dir, [
    "x509",
    "-req",
    "-in",
    `${name}.csr`,
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-days",
    "2",
    ...(extfile === undefined ? [] : ["-extfile", extfile]),
    "-out",
    `${name}.pem`,
  ]);
}

/**
 * A CA of the test's own, made with Debian's openssl, a server certificate it signed (for localhost, 127.0.0.1
 * and target.itc.test, a name only the test's proxy can reach) and a client certificate.
 */
export function makeTlsFixtures(): TlsFixtures {
  const dir = tempFolder("itc-tls-");
  openssl(dir, [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    "/CN=itc test CA",
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
  ]);
  writeFileSync(join(dir, "server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1,DNS:target.itc.test\n");
  issue(dir, "server", "/CN=localhost", "server.ext");
  issue(dir, "client", "/CN=itc client");
  const read = (f: string): Buffer => readFileSync(join(dir, f));
  return {
    dir,
    caPath: join(dir, "ca.pem"),
    clientCertPath: join(dir, "client.pem"),
    clientKeyPath: join(dir, "client.key"),
    ca: read("ca.pem"),
    serverCert: read("server.pem"),
    serverKey: read("server.key"),
  };
}
