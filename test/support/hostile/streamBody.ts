import type { ServerResponse } from "node:http";

/**
 * Streams a body made of a head, `count` repetitions of a chunk, and a tail, honouring backpressure (so the
 * hostile target itself stays small), and stops as soon as the client goes away.
 */
export async function streamBody(
  res: ServerResponse,
  parts: { head: string; chunk: Buffer; count: number; tail: string },
): Promise<void> {
  const client = { gone: false };
  res.on("close", () => (client.gone = true));
  res.write(parts.head);
  for (let i = 0; i < parts.count && !client.gone; i++) {
    if (!res.write(parts.chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off("drain", done);
          res.off("close", done);
          resolve();
        };
        res.on("drain", done);
        res.on("close", done);
      });
    }
  }
  if (!client.gone) res.end(parts.tail);
}

const chunkSize = 64 * 1024;

/** GET / for huge-root: 200 application/json, chunked, a version list that goes on for `bytes` (2 GiB). */
export function hugeRoot(res: ServerResponse, bytes: number): Promise<void> {
  const item = '{"id":"v2.15","status":"CURRENT","links":[]},';
  const chunk = Buffer.from(item.repeat(Math.ceil(chunkSize / item.length)));
  res.writeHead(200, { "Content-Type": "application/json" });
  return streamBody(res, {
    head: '{"versions":[',
    chunk,
    count: Math.ceil(bytes / chunk.length),
    tail: '{"id":"v2.15","status":"CURRENT","links":[]}]}',
  });
}

/** GET / for big-root: a valid JSON object of about `bytes` (120 MB): a version list and one long string. */
export function bigRoot(res: ServerResponse, bytes: number): Promise<void> {
  const head = '{"versions":[{"id":"v2.15","status":"CURRENT","links":[]}],"padding":"';
  const tail = '"}';
  const chunk = Buffer.alloc(chunkSize, "a");
  const count = Math.ceil(bytes / chunkSize);
  res.writeHead(200, {
    "Content-Type": "application/json",
    "Content-Length": String(head.length + count * chunkSize + tail.length),
  });
  return streamBody(res, { head, chunk, count, tail });
}

/** GET / for deep-root: a JSON document nested `depth` levels: [[[...]]]. */
export function deepRoot(res: ServerResponse, depth: number): void {
  const body = "[".repeat(depth) + "]".repeat(depth);
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(body.length) });
  res.end(body);
}
