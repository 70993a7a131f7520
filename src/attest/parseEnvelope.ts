import type { Envelope } from "./dsse";

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** attestation.json as a DSSE envelope, or why it is not one. */
export function parseEnvelope(text: string): Envelope | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "attestation.json is not JSON";
  }
  if (!isRecord(value)) return "attestation.json is not a DSSE envelope (a JSON object)";
  const { payloadType, payload, signatures } = value;
  if (typeof payloadType !== "string" || typeof payload !== "string" || !Array.isArray(signatures))
    return "attestation.json is not a DSSE envelope (payloadType, payload, signatures)";
  const sigs = signatures.filter(
    (s): s is { keyid: string; sig: string } =>
      isRecord(s) && typeof s["sig"] === "string" && typeof (s["keyid"] ?? "") === "string",
  );
  return {
    payloadType,
    payload,
    signatures: sigs.map((s) => ({ keyid: typeof s.keyid === "string" ? s.keyid : "", sig: s.sig })),
  };
}
