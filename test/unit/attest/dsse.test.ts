import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { envelopeVerifies, pae, signEnvelope } from "../../../src/attest/dsse";
import { keyIdOf } from "../../../src/attest/keyIdOf";
import { parseEnvelope } from "../../../src/attest/parseEnvelope";

describe("DSSE", () => {
  it("encodes PAE as the protocol's own example", () => {
    // github.com/secure-systems-lab/dsse protocol.md, "Test vectors".
    expect(pae("http://example.com/HelloWorld", Buffer.from("hello world")).toString()).toBe(
      "DSSEv1 29 http://example.com/HelloWorld 11 hello world",
    );
    // Lengths are in bytes, not characters.
    expect(pae("t", Buffer.from("é")).toString()).toBe("DSSEv1 1 t 2 é");
  });

  it("a signature verifies with its key only, and only over the payload and type it was made for", () => {
    const a = generateKeyPairSync("ed25519");
    const b = generateKeyPairSync("ed25519");
    const envelope = signEnvelope(
      "application/vnd.in-toto+json",
      Buffer.from("{}"),
      a.privateKey,
      keyIdOf(a.privateKey),
    );
    expect(envelopeVerifies(envelope, a.publicKey)).toBe(true);
    expect(envelopeVerifies(envelope, b.publicKey)).toBe(false);
    expect(
      envelopeVerifies({ ...envelope, payload: Buffer.from("{ }").toString("base64") }, a.publicKey),
    ).toBe(false);
    expect(envelopeVerifies({ ...envelope, payloadType: "text/plain" }, a.publicKey)).toBe(false);
    expect(envelopeVerifies({ ...envelope, signatures: [{ keyid: "", sig: "AAAA" }] }, a.publicKey)).toBe(
      false,
    );
  });

  it("a key's id is the same from its private and its public half, and differs between keys", () => {
    const a = generateKeyPairSync("ed25519");
    expect(keyIdOf(a.privateKey)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyIdOf(a.privateKey)).toBe(keyIdOf(createPublicKey(a.privateKey)));
    expect(keyIdOf(a.publicKey)).not.toBe(keyIdOf(generateKeyPairSync("ed25519").publicKey));
  });

  it("reads an envelope from untrusted text, or says why not", () => {
    expect(parseEnvelope("nope")).toBe("attestation.json is not JSON");
    expect(parseEnvelope("[]")).toMatch(/not a DSSE envelope/);
    expect(parseEnvelope('{"payloadType":"t","payload":"e30=","signatures":[{"sig":"x"},7]}')).toEqual({
      payloadType: "t",
      payload: "e30=",
      signatures: [{ keyid: "", sig: "x" }],
    });
  });
});
