import { Agent, request, type IncomingHttpHeaders, type IncomingMessage } from "node:http";

export interface Forwarded {
  readonly status: number;
  readonly headers: Record<string, string | string[]>;
  readonly body: Buffer;
}

/** Headers that belong to one connection, never forwarded as they are. */
const hopByHop = new Set(["connection", "keep-alive", "transfer-encoding", "host", "content-length"]);

function endToEnd(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !hopByHop.has(k)) out[k] = v;
  return out;
}

/** Reads a whole request body. */
export function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      resolve(Buffer.concat(chunks));
    });
    stream.on("error", reject);
  });
}

/** Sends the client's request (already read) to the reference and reads its whole answer. */
export function forward(upstream: URL, agent: Agent, req: IncomingMessage, body: Buffer): Promise<Forwarded> {
  return new Promise((resolve, reject) => {
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        agent,
        headers: { ...endToEnd(req.headers), "content-length": String(body.length) },
      },
      (res) => {
        readAll(res).then(
          (answer) => {
            resolve({ status: res.statusCode ?? 502, headers: endToEnd(res.headers), body: answer });
          },
          (error: unknown) => {
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      },
    );
    out.on("error", reject);
    out.end(body);
  });
}
