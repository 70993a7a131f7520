import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { ConfigError } from "../config/ConfigError";

function read(option: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new ConfigError("bad-option", `${option} ${path}: cannot read it (${String(code ?? error)})`);
  }
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
      `--sign ${path}: not an unencrypted ed25519 private key in PKCS#8 PEM (make one with: openssl genpkey -algorithm ed25519 -out ${path})`,
    );
  return key;
}

/** A reviewer's key: an ed25519 public key in PEM (SPKI), as `openssl pkey -pubout` writes it. */
export function readVerifyingKey(path: string): KeyObject {
  const pem = read("--key", path);
  let key: KeyObject | undefined;
  try {
    key = createPublicKey({ key: pem, format: "pem" });
  } catch {
    key = undefined;
  }
  if (key?.asymmetricKeyType !== "ed25519")
    throw new ConfigError(
      "bad-option",
      `--key ${path}: not an ed25519 public key in PEM (make it from the private key with: openssl pkey -in key.pem -pubout -out ${path})`,
    );
  return key;
}
