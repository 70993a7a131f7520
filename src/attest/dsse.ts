import { sign, verify, type KeyObject } from "node:crypto";

/** A DSSE envelope (github.com/secure-systems-lab/dsse, envelope.md), as JSON. */
export interface Envelope {
  readonly payloadType: string;
  /** The payload, base64 (standard alphabet, padded). */
  readonly payload: string;
  readonly signatures: readonly { readonly keyid: string; readonly sig: string }[];
}

/**
 * DSSE's pre-authentication encoding (protocol.md): "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, LEN the
 * byte length in ASCII decimal. The signature covers these bytes, never the payload alone.
 */
export function pae(payloadType: string, body: Buffer): Buffer {
  const type = Buffer.from(payloadType, "utf8");
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${body.length} `), body]);
}

/** Signs a payload with an ed25519 key (RFC 8032: the algorithm fixes its own hash, so none is named). */
export function signEnvelope(payloadType: string, payload: Buffer, key: KeyObject, keyid: string): Envelope {
  const sig = sign(null, pae(payloadType, payload), key);
  return {
    payloadType,
    payload: payload.toString("base64"),
    signatures: [{ keyid, sig: sig.toString("base64") }],
  };
}

/** Whether any of the envelope's signatures verifies with this public key over the PAE of its payload. */
export function envelopeVerifies(envelope: Envelope, key: KeyObject): boolean {
  const message = pae(envelope.payloadType, Buffer.from(envelope.payload, "base64"));
  return envelope.signatures.some((s) => {
    try {
      return verify(null, message, key, Buffer.from(s.sig, "base64"));
    } catch {
      return false;
    }
  });
}
