import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { ConfigError } from "../config/ConfigError";

function read(option: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new ConfigError("bad-option", `${option} ${path}: cannot read it (${String(code ?? error)})`);
  }
}

/** A file name for the key a suggested command writes: never the file given, which may be something of the user's. */
const outputName = (given: string, name: string, otherwise: string): string =>
  basename(given) === name ? otherwise : name;

/** What a file given as a key holds, in a few words, for a message: "a private key", "an rsa public key", ... */
function describe(pem: Buffer): string {
  const text = pem.toString("utf8");
  if (text.trim() === "") return "an empty file";
  const labels = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1] ?? "");
  // A private key anywhere in the file is what matters most: name it first.
  const label = labels.find((l) => l.endsWith("PRIVATE KEY")) ?? labels[0];
  if (label === "ENCRYPTED PRIVATE KEY") return "an encrypted private key";
  if (label?.endsWith("PRIVATE KEY") === true) {
    try {
      return `an ${createPrivateKey({ key: pem, format: "pem" }).asymmetricKeyType ?? "unknown"} private key`;
    } catch {
      return "a private key";
    }
  }
  if (label === "CERTIFICATE") return "a certificate";
  if (label !== undefined) {
    try {
      return `an ${createPublicKey({ key: pem, format: "pem" }).asymmetricKeyType ?? "unknown"} public key`;
    } catch {
      return `a PEM block "${label}" that is no key`;
    }
  }
  if (/^ssh-[\w-]+ [A-Za-z0-9+/=]+/m.test(text)) return "an OpenSSH public key";
  if (/^clouds:/m.test(text)) return "a clouds.yaml";
  return "a file with no PEM block";
}

/** The run's signing key: an ed25519 private key in PKCS#8 PEM; anything else is a usage error (exit 2). */
export function readSigningKey(path: string): KeyObject {
  const pem = read("--sign", path);
  let key: KeyObject | undefined;
  try {
    key = createPrivateKey({ key: pem, format: "pem" });
  } catch {
    key = undefined;
  }
  if (key?.asymmetricKeyType !== "ed25519")
    throw new ConfigError(
      "bad-option",
      `--sign ${path}: not an unencrypted ed25519 private key in PKCS#8 PEM but ${describe(pem)} (make a key with: openssl genpkey -algorithm ed25519 -out ${outputName(path, "vendor-key.pem", "signing-key.pem")})`,
    );
  return key;
}

/**
 * A reviewer's key: an ed25519 public key in PEM (SPKI), as `openssl pkey -pubout` writes it. A private key is
 * refused although node:crypto would derive the public half from it: the reviewer must not hold the signer's
 * private key, and verifying with it would hide that it was handed around.
 */
export function readVerifyingKey(path: string): KeyObject {
  const pem = read("--key", path);
  const text = pem.toString("utf8");
  const isPublic = /-----BEGIN PUBLIC KEY-----/.test(text) && !/PRIVATE KEY-----/.test(text);
  let key: KeyObject | undefined;
  try {
    key = isPublic ? createPublicKey({ key: pem, format: "pem" }) : undefined;
  } catch {
    key = undefined;
  }
  if (key?.asymmetricKeyType === "ed25519") return key;
  const given = describe(pem);
  const out = outputName(path, "vendor-pub.pem", "public-key.pem");
  // The suggested command reads the given file only when it is the private key, and never writes over it.
  throw new ConfigError(
    "bad-option",
    given === "an ed25519 private key"
      ? `--key ${path}: not an ed25519 public key in PEM but ${given}: give its public half, made with: openssl pkey -in ${path} -pubout -out ${out} (and keep the private key private)`
      : `--key ${path}: not an ed25519 public key in PEM but ${given}: give the signer's public key (made from the private one with: openssl pkey -in vendor-key.pem -pubout -out ${out})`,
  );
}
