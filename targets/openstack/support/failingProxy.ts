import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** DELETE /v2/images/{image_id}/tags/{tag}, the tag still percent-encoded as sent. */
const tagDelete = /^\/v2\/images\/[^/?]+\/tags\/([^/?]+)(?:\?.*)?$/;

/**
 * Percent-decodes bytewise, so that a malformed or non-UTF-8 escape still counts: any byte over 0x7F is non-ASCII.
 * Only a tag the schema accepts (255 characters at most) counts: longer ones, non-ASCII or not, are outside the
 * schema and sent by the core scenarios (400 or 404 expected), which this proxy leaves to Glance.
 */
function flaggedNonAscii(segment: string): boolean {
  const bytes: number[] = [];
  for (let i = 0; i < segment.length; i++) {
    const hex = segment.slice(i + 1, i + 3);
    if (segment[i] === "%" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(segment[i] ?? "", "utf8"));
  }
  return bytes.some((b) => b > 0x7f) && Array.from(Buffer.from(bytes).toString("utf8")).length <= 255;
}

export interface FailingProxy {
  readonly url: string;
  /** How many DELETEs it answered 500 itself. */
  readonly failed: () => number;
  readonly close: () => Promise<void>;
}

/**
 * A proxy in front of Glance that makes it answer 500, with a Glance-like error body, to every DELETE of a tag of at
 * most 255 characters whose percent-decoded value holds a character outside US-ASCII (without forwarding it), and forwards everything else
 * unchanged: method, path as sent, headers, body, the answer streamed back. Issue 10: a 5xx is never excused by a
 * flagged rule.
 */
export function startFailingProxy(upstream: string): Promise<FailingProxy> {
  const base = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  let failed = 0;
  const fail = (req: IncomingMessage, res: ServerResponse): void => {
    failed++;
    req.resume();
    const body = JSON.stringify({
      message: "The server has either erred or is incapable of performing the requested operation.",
      code: "500 Internal Server Error",
      title: "Internal Server Error",
    });
    res.writeHead(500, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
    res.end(body);
  };
  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const out = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: req.method,
        path: req.url,
        headers: req.rawHeaders,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    out.on("error", () => {
      if (res.headersSent) res.destroy();
      else res.writeHead(502).end();
    });
    req.pipe(out);
  };
  const server = createServer((req, res) => {
    const tag = req.method === "DELETE" ? tagDelete.exec(req.url ?? "")?.[1] : undefined;
    if (tag !== undefined && flaggedNonAscii(tag)) fail(req, res);
    else forward(req, res);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        failed: () => failed,
        close: () =>
          new Promise((done) => {
            agent.destroy();
            server.closeAllConnections();
            server.close(() => {
              done();
            });
          }),
      });
    });
  });
}
