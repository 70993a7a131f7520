import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request of the verifier's, to be sent to the target by the run. */
export interface ForwardedRequest {
  readonly method: string;
  /** Path and query, as the verifier sent them. */
  readonly path: string;
  /** Lower-case names; the nonce already removed. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface ForwardedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What the verifier child may ask of the run. */
export interface VerifierHandlers {
  /** The pact to verify, as JSON text: served at pactPath(nonce), so that no file of the run is written. */
  readonly pact?: string;
  /** Puts the target into a provider state; answers the values the interaction's request uses. */
  readonly setUp: (
    state: string,
    params: Readonly<Record<string, unknown>>,
  ) => Promise<Record<string, string>>;
  /** Sends one of the verifier's requests to the target, as the run sends its own; answers the target's answer. */
  readonly forward: (req: ForwardedRequest) => Promise<ForwardedResponse>;
}

export interface VerifierServer {
  readonly url: string;
  /** Required on every call: only the verifier child this run spawned knows it. */
  readonly nonce: string;
  /** The first error a handler threw (a transport failure, Ctrl-C): the verification's result is then void. */
  readonly error: () => unknown;
  readonly close: () => Promise<void>;
}

export const nonceHeader = "x-itc-nonce";

/** Where the pact is served: the verifier fetches it without headers, so the nonce is in the path. */
export const pactPath = (nonce: string): string => `/_itc/pact/${nonce}`;
/** Headers that belong to one connection, never forwarded (RFC 9110 §7.6.1). */
const hopByHop = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "upgrade",
  "host",
]);
const maxBody = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      body += c;
      if (body.length > maxBody) req.destroy(new Error("request body too large"));
    });
    req.on("end", () => {
      resolve(body);
    });
    req.on("error", reject);
  });
}

/**
 * The loopback endpoint the verifier child talks to instead of the target. POST /_itc/state sets up a
 * provider state; every other request is forwarded to the target by the run's own HTTP client, which gives it
 * the run's TLS, proxy, client certificate, --timeout, throttling, Ctrl-C and tokens, and records it as
 * evidence. The child never holds a token. Calls without the run's nonce get 403: another local user can
 * neither reach the target with the run's tokens nor create images.
 */
export async function serveVerifier(handlers: VerifierHandlers): Promise<VerifierServer> {
  let failure: unknown;
  const nonce = randomBytes(16).toString("hex");
  const fail = (res: ServerResponse, error: unknown): void => {
    failure ??= error;
    if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain" });
    res.end(error instanceof Error ? error.message : String(error));
  };
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (req.method === "GET" && req.url === pactPath(nonce) && handlers.pact !== undefined) {
        res.writeHead(200, { "Content-Type": "application/json" }).end(handlers.pact);
        return;
      }
      if (req.headers[nonceHeader] !== nonce) {
        res.writeHead(403).end();
        return;
      }
      if (req.method === "POST" && req.url === "/_itc/state") {
        const { state, params } = JSON.parse(body || "{}") as {
          state?: string;
          params?: Record<string, unknown>;
        };
        const values = await handlers.setUp(state ?? "", params ?? {});
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(values));
        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (v !== undefined && k !== nonceHeader && !hopByHop.has(k))
          headers[k] = Array.isArray(v) ? v.join(", ") : v;
      const answer = await handlers.forward({
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers,
        body,
      });
      const out: Record<string, string> = { "Content-Length": String(Buffer.byteLength(answer.body)) };
      // The run's client hands back the body decoded: its coding no longer applies.
      for (const [k, v] of Object.entries(answer.headers))
        if (!hopByHop.has(k) && k !== "content-encoding") out[k] = v;
      res.writeHead(answer.status, out).end(answer.body);
    })().catch((error: unknown) => {
      fail(res, error);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    nonce,
    error: () => failure,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
