import { createHash, createPublicKey, type KeyObject } from "node:crypto";

/** A key's id: the SHA-256 of its public key's SubjectPublicKeyInfo DER (RFC 5280 4.1.2.7), hex. */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex");
}
