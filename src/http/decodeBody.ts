import type { Transform } from "node:stream";
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from "node:zlib";

/** A decoder per content coding (RFC 9110 §8.4.1); deflate is zlib-wrapped, though some servers send it raw. */
function decoderFor(coding: string, first: number): Transform | undefined {
  const flush = { finishFlush: constants.Z_SYNC_FLUSH };
  if (coding === "gzip" || coding === "x-gzip") return createGunzip(flush);
  if (coding === "deflate") return first % 16 === 8 ? createInflate(flush) : createInflateRaw(flush);
  if (coding === "br") return createBrotliDecompress({ finishFlush: constants.BROTLI_OPERATION_FLUSH });
  return undefined;
}

/** Decodes one coding, keeping at most maxBytes of the output; rejects when the data does not decode. */
function decodeOne(
  input: Buffer,
  decoder: Transform,
  maxBytes: number,
): Promise<{ out: Buffer; cut: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (cut: boolean): void => {
      if (settled) return;
      settled = true;
      resolve({ out: Buffer.concat(chunks), cut });
    };
    decoder.on("data", (d: Buffer) => {
      if (settled) return;
      const room = maxBytes - size;
      chunks.push(d.length > room ? d.subarray(0, room) : d);
      size += Math.min(d.length, room);
      if (d.length > room) {
        settle(true);
        decoder.destroy();
      }
    });
    decoder.on("end", () => {
      settle(false);
    });
    decoder.on("error", (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    decoder.end(input);
  });
}

/**
 * A body as the server meant it: decoded when the server applied a content coding (gzip, deflate, br; asked for
 * or not), at most maxBytes of it (a small body may inflate to gigabytes). An unknown coding, or data that does
 * not decode, is left as it came: the checks then see what the target sent.
 */
export async function decodeBody(
  body: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<{ body: Buffer; truncated: boolean }> {
  const codings = (contentEncoding ?? "")
    .split(",")
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== "" && c !== "identity");
  if (codings.length === 0 || body.length === 0) return { body, truncated: false };
  let out = body;
  let truncated = false;
  // Codings are listed in the order they were applied (RFC 9110 §8.4): undone from the last.
  for (const coding of [...codings].reverse()) {
    const decoder = decoderFor(coding, out[0] ?? 0);
    if (decoder === undefined) return { body, truncated: false };
    try {
      const decoded = await decodeOne(out, decoder, maxBytes);
      out = decoded.out;
      truncated ||= decoded.cut;
    } catch {
      return { body, truncated: false };
    }
  }
  return { body: out, truncated };
}
