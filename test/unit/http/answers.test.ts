import { createServer as createNetServer, type AddressInfo, type Server } from "node:net";
import { createServer, type IncomingHttpHeaders, type Server as HttpServer } from "node:http";
import { gzipSync } from "node:zlib";
import { Agents } from "../../../src/http/Agents";
import { CredentialRejected } from "../../../src/http/errors";
import { HttpClient } from "../../../src/http/HttpClient";
import { emptyStats } from "../../../src/http/HttpStats";
import { Pacer } from "../../../src/http/Pacer";
import { Redactor } from "../../../src/http/Redactor";
import { transport } from "../../../src/http/transport";
import { defaultUserAgent } from "../../../src/http/userAgent";

// Issue 20, items 5, 6, 7 and 14 at the HTTP layer: content right after a 204 is an answer with evidence, not a
// transport failure; a coded body is decoded (bounded); a User-Agent is sent; a 401 to an identity the target
// accepted before stops the run as a credential problem.

const servers: (Server | HttpServer)[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    if ("closeAllConnections" in s) s.closeAllConnections();
    s.close();
  }
});

/** A raw server that answers every request with `raw`, in one write, then closes. */
async function rawServer(raw: string): Promise<URL> {
  const server = createNetServer((socket) => {
    socket.once("data", () => socket.end(raw));
    socket.on("error", () => undefined);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return new URL(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}/v2/images/x/tags/t`);
}

interface Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: Buffer;
}

async function httpServer(
  handle: (
    headers: IncomingHttpHeaders,
    method: string,
  ) => { status: number; headers?: Record<string, string>; body?: Buffer },
): Promise<URL> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const a = handle(req.headers, req.method ?? "");
      res.writeHead(a.status, a.headers ?? {}).end(a.body);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return new URL(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`);
}

const request = (url: URL, more: { watched?: boolean; maxBodyBytes?: number } = {}) => ({
  url,
  method: "DELETE",
  headers: {},
  deadlineMs: 5000,
  maxBodyBytes: more.maxBodyBytes ?? 4096,
  ...(more.watched === undefined ? {} : { watched: more.watched }),
});

describe("content right after a 204 (RFC 9110 §15.3.5)", () => {
  const late = '{"late":true}';
  it.each([
    ["Connection: close", `HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n${late}`],
    ["kept alive", `HTTP/1.1 204 No Content\r\n\r\n${late}`],
    ["chunked", `HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\nd\r\n${late}\r\n0\r\n\r\n`],
    ["Content-Length", `HTTP/1.1 204 No Content\r\nContent-Length: 13\r\nConnection: close\r\n\r\n${late}`],
  ])("%s, in the same write: the 204 with its content as evidence, watched or not", async (_, raw) => {
    const agents = new Agents();
    try {
      for (const watched of [false, true]) {
        const res = await transport(request(await rawServer(raw), { watched }), agents);
        expect(res.status).toBe(204);
        expect(res.trailingBytes).toBeGreaterThanOrEqual(late.length);
        expect(res.trailing.toString("latin1")).toContain(late);
      }
    } finally {
      agents.destroy();
    }
  });

  it("a clean 204 has none", async () => {
    const agents = new Agents();
    try {
      const res = await transport(
        request(await rawServer("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")),
        agents,
      );
      expect({ status: res.status, trailingBytes: res.trailingBytes }).toEqual({
        status: 204,
        trailingBytes: 0,
      });
    } finally {
      agents.destroy();
    }
  });
});

describe("content codings (RFC 9110 §8.4, §12.5.3)", () => {
  const json = Buffer.from(
    JSON.stringify({ message: "Not Found", code: "404 Not Found", title: "Not Found" }),
  );

  it("a gzipped body is decoded", async () => {
    const url = await httpServer(() => ({
      status: 404,
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: gzipSync(json),
    }));
    const agents = new Agents();
    try {
      const res = await transport({ ...request(url), method: "GET" }, agents);
      expect(res.body.toString()).toBe(json.toString());
      expect(res.truncated).toBe(false);
    } finally {
      agents.destroy();
    }
  });

  it("a body that inflates beyond the bound is cut there and marked truncated", async () => {
    const url = await httpServer(() => ({
      status: 404,
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20)),
    }));
    const agents = new Agents();
    try {
      const res = await transport({ ...request(url, { maxBodyBytes: 64 * 1024 }), method: "GET" }, agents);
      expect(res.body.length).toBe(64 * 1024);
      expect(res.truncated).toBe(true);
    } finally {
      agents.destroy();
    }
  });
});

function client(baseUrl: string, onExchange?: () => void, credentialCheckPath?: string): HttpClient {
  return new HttpClient({
    baseUrl,
    authHeader: "X-Auth-Token",
    credentials: { owner: "owner-secret-token", alt: "alt-secret-token" },
    redactor: new Redactor(["owner-secret-token", "alt-secret-token"]),
    stats: emptyStats(),
    agents: new Agents(),
    pacer: new Pacer(0),
    ...(onExchange === undefined ? {} : { onExchange }),
    ...(credentialCheckPath === undefined ? {} : { credentialCheckPath }),
  });
}

describe("HttpClient's requests and a token that stops working", () => {
  it("asks for gzip or deflate and sends a User-Agent (the default, or --user-agent's), as OpenStack's client does", async () => {
    const seen: IncomingHttpHeaders[] = [];
    const url = await httpServer((headers) => {
      seen.push(headers);
      return { status: 200, headers: { "content-type": "application/json" }, body: Buffer.from("{}") };
    });
    await client(url.origin).send({ operationId: "x", method: "GET", path: "/", as: "anonymous" });
    const custom = new HttpClient({
      baseUrl: url.origin,
      authHeader: "X-Auth-Token",
      credentials: { owner: "owner-secret-token", alt: undefined },
      redactor: new Redactor([]),
      stats: emptyStats(),
      agents: new Agents(),
      pacer: new Pacer(0),
      userAgent: "my-client/1.0",
    });
    await custom.send({ operationId: "x", method: "GET", path: "/", as: "anonymous" });
    expect(seen.map((h) => [h["accept-encoding"], h["user-agent"]])).toEqual([
      ["gzip, deflate", defaultUserAgent],
      ["gzip, deflate", "my-client/1.0"],
    ]);
  });

  it("a 401 to an identity the target accepted before ends the run as a credential problem; the first does not", async () => {
    let refuse = new Set<string>();
    const url = await httpServer((headers): Answer => {
      const token = String(headers["x-auth-token"] ?? "");
      return refuse.has(token)
        ? { status: 401, headers: { "www-authenticate": 'Keystone uri="x"' } }
        : { status: 200, headers: { "content-type": "application/json" }, body: Buffer.from("{}") };
    });
    const c = client(url.origin);
    const get = (as: "owner" | "alt" | "anonymous") =>
      c.send({ operationId: "x", method: "GET", path: "/v2/images", as });
    // Refused from the first request: a token that never worked is the preflight's to judge (exit 2).
    refuse = new Set(["alt-secret-token"]);
    expect((await get("alt")).status).toBe(401);
    expect((await get("owner")).status).toBe(200);
    // The owner's token, accepted until now, refused: the run stops, naming neither the token nor blame.
    refuse = new Set(["owner-secret-token", "alt-secret-token"]);
    const error = await get("owner").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialRejected);
    expect((error as CredentialRejected).principal).toBe("owner");
    expect((error as Error).message).toMatch(/expired or was revoked/);
    expect((error as Error).message).not.toContain("owner-secret-token");
    // Requests without the run's identities are untouched: a 401 there is the answer under test.
    expect((await get("anonymous")).status).toBe(200);
  });

  it("a 401 to an accepted token that a plain read with it still gets past is the target's answer, judged", async () => {
    // The target refuses the owner's token on DELETE only: the token works, the 401 is the target's doing.
    const url = await httpServer((_headers, method): Answer =>
      method === "DELETE"
        ? { status: 401, headers: { "www-authenticate": 'Keystone uri="x"' } }
        : { status: 200, headers: { "content-type": "application/json" }, body: Buffer.from("{}") },
    );
    const c = client(url.origin, undefined, "/v2/images?limit=1");
    expect((await c.send({ operationId: "x", method: "GET", path: "/v2/images", as: "owner" })).status).toBe(
      200,
    );
    const res = await c.send({
      operationId: "d",
      method: "DELETE",
      path: "/v2/images/i/tags/t",
      as: "owner",
    });
    expect(res.status).toBe(401);
  });
});

/** A pacer that notes, on its own clock, when each wait let a request go (no lag of a loaded machine's I/O). */
class RecordingPacer extends Pacer {
  readonly released: number[] = [];
  override async wait(signal?: AbortSignal): Promise<void> {
    await super.wait(signal);
    this.released.push(performance.now());
  }
}

describe("HttpClient.together: parallel requests under --rate", () => {
  it("leave together, and the requests after them wait as if each had been paced", async () => {
    let arrived = 0;
    const url = await httpServer(() => {
      arrived += 1;
      return { status: 204 };
    });
    const pacer = new RecordingPacer(100);
    const c = new HttpClient({
      baseUrl: url.origin,
      authHeader: "X-Auth-Token",
      credentials: { owner: "owner-secret-token", alt: undefined },
      redactor: new Redactor([]),
      stats: emptyStats(),
      agents: new Agents(),
      pacer,
    });
    const del = () =>
      c.send({ operationId: "d", method: "DELETE", path: "/x", as: "anonymous", watched: true });
    await del();
    await c.together(4, () => Promise.all([del(), del(), del(), del()]));
    await del();
    expect(arrived).toBe(6);
    // Released: the first request, the burst's turn, its four requests, the request after them.
    const [first = 0, turn = 0, ...rest] = pacer.released;
    const burst = rest.slice(0, 4);
    const after = rest[4] ?? 0;
    expect(rest).toHaveLength(5);
    // The four go at once (unpaced among themselves), 100 ms after the first request.
    expect(Math.max(...burst) - turn).toBeLessThan(60);
    expect(turn - first).toBeGreaterThanOrEqual(90);
    // They cost four intervals: the next request goes 400 ms after the burst's turn.
    expect(after - turn).toBeGreaterThanOrEqual(390);
  });
});
