import { randomBytes } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the verifier child may ask of the run. */
export interface StateHandlers {
  /** Puts the target into a provider state; answers the values the interaction's request uses. */
  readonly setUp: (
    state: string,
    params: Readonly<Record<string, unknown>>,
  ) => Promise<Record<string, string>>;
  /** The token the next request of this principal should carry (renewed when about to expire). */
  readonly token: (who: "owner" | "alt") => Promise<string | undefined>;
}

export interface StateServer {
  readonly url: string;
  /** Required on every call: only the verifier child this run spawned knows it. */
  readonly nonce: string;
  readonly error: () => unknown;
  readonly close: () => Promise<void>;
}

/**
 * A loopback endpoint for the verifier child: POST /state sets up a provider state; GET /token/owner and
 * /token/alt answer the current token (404 when there is none), so a long verification never sends an expired
 * one. Calls without the run's nonce get 403: another local user cannot read a token or create images.
 */
export async function serveStates(handlers: StateHandlers): Promise<StateServer> {
  let failure: unknown;
  const nonce = randomBytes(16).toString("hex");
  const answer = (res: ServerResponse, work: Promise<unknown>): void => {
    work.then(
      (value) => {
        if (typeof value === "string") res.writeHead(200, { "Content-Type": "text/plain" }).end(value);
        else if (value === undefined) res.writeHead(404).end();
        else res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(value));
      },
      (error: unknown) => {
        failure = error;
        res.writeHead(500).end(error instanceof Error ? error.message : String(error));
      },
    );
  };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (req.headers["x-itc-nonce"] !== nonce) {
        res.writeHead(403).end();
        return;
      }
      if (req.method === "GET" && (req.url === "/token/owner" || req.url === "/token/alt")) {
        answer(res, handlers.token(req.url === "/token/alt" ? "alt" : "owner"));
        return;
      }
      if (req.method !== "POST" || req.url !== "/state") {
        res.writeHead(404).end();
        return;
      }
      const { state, params } = JSON.parse(body || "{}") as {
        state?: string;
        params?: Record<string, unknown>;
      };
      answer(res, handlers.setUp(state ?? "", params ?? {}));
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
        server.close(() => {
          resolve();
        });
      }),
  };
}
