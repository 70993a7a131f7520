import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Agents } from "../../../src/http/Agents";
import { transport, type RawRequest } from "../../../src/http/transport";
import { DeadlineExceeded, RequestAborted } from "../../../src/http/transportErrors";
import { sleep } from "../../../src/util/sleep";

interface ClosingServer {
  readonly server: Server;
  readonly url: URL;
  /** Every request received, per method, the dropped ones included. */
  readonly received: Map<string, number>;
}

/**
 * A server that closes each connection after its first answer without saying so (uwsgi's --http-socket without
 * Debian's rem-header): a second request on the same connection is dropped unanswered, as a close that crossed
 * the client reusing its idle connection. With `silentOnNew`, a request on a new connection is never answered.
 */
function closingServer(silentOnNew = false): Promise<ClosingServer> {
  const answered = new WeakSet<Socket>();
  const received = new Map<string, number>();
  const server = createServer((req, res) => {
    const method = req.method ?? "";
    received.set(method, (received.get(method) ?? 0) + 1);
    if (answered.has(req.socket)) {
      req.socket.destroy();
      return;
    }
    answered.add(req.socket);
    if (silentOnNew && (received.get(method) ?? 0) > 1) return;
    req.resume();
    req.on("end", () => {
      res.writeHead(method === "POST" ? 201 : 200, { "Content-Type": "text/plain" });
      res.end("ok");
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: new URL(`http://127.0.0.1:${String(port)}/x`), received });
    });
  });
}

const request = (url: URL, method: string, more: Partial<RawRequest> = {}): RawRequest => ({
  url,
  method,
  headers: {},
  deadlineMs: 5000,
  maxBodyBytes: 1024,
  ...(method === "POST" ? { body: Buffer.from("{}") } : {}),
  ...more,
});

describe("transport against a server that closes every connection after one answer (RFC 9112 §9.3.1)", () => {
  let target: ClosingServer;
  let agents: Agents;
  const servers: Server[] = [];
  beforeEach(async () => {
    target = await closingServer();
    servers.push(target.server);
    agents = new Agents();
  });
  afterEach(() => {
    agents.destroy();
    for (const s of servers.splice(0)) {
      s.closeAllConnections();
      s.close();
    }
  });

  it("sends an idempotent request once more on a new connection when the reused one was closed, and says so", async () => {
    const seen: string[] = [];
    let paced = 0;
    for (const method of ["GET", "DELETE", "PUT", "GET", "DELETE"]) {
      const res = await transport(request(target.url, method), agents, () => {
        paced += 1;
        return Promise.resolve();
      });
      seen.push(`${method} ${String(res.status)}${res.resent ? " resent" : ""}`);
    }
    // Each pooled connection carries one answer; the request after it meets it closed and is sent once more:
    // GET (new) · DELETE (reused, dropped, sent again) · PUT (new) · GET (reused, dropped, again) · DELETE (new).
    expect(seen).toEqual(["GET 200", "DELETE 200 resent", "PUT 200", "GET 200 resent", "DELETE 200"]);
    expect(Object.fromEntries(target.received)).toEqual({ GET: 3, DELETE: 3, PUT: 1 });
    // The caller paces each second sending, as it paces every request.
    expect(paced).toBe(2);
  });

  it("never sends a POST twice: it gets a connection of its own", async () => {
    await transport(request(target.url, "GET"), agents);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await transport(request(target.url, "POST"), agents)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    expect(target.received.get("POST")).toBe(5);
  });

  it("never sends the watched subject request twice: a connection of its own", async () => {
    await transport(request(target.url, "GET"), agents);
    const res = await transport(request(target.url, "DELETE", { watched: true }), agents);
    expect(res.status).toBe(200);
    expect(res.resent).toBe(false);
    expect(target.received.get("DELETE")).toBe(1);
  });

  it("does not send again when the server drops a new connection: the error is the server's", async () => {
    let received = 0;
    const server = createServer((req) => {
      received += 1;
      req.socket.destroy();
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const url = new URL(`http://127.0.0.1:${String(port)}/`);
    await expect(transport(request(url, "GET"), agents)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(received).toBe(1);
  });

  /** A GET that meets a closed kept-alive connection, pauses pauseMs, then may go again to a silent server. */
  async function resentAfter(
    pauseMs: number,
    deadlineMs: number,
  ): Promise<{ error: unknown; gets: number | undefined }> {
    const silent = await closingServer(true);
    servers.push(silent.server);
    await transport(request(silent.url, "GET"), agents);
    const error = await transport(request(silent.url, "GET", { deadlineMs }), agents, () =>
      sleep(pauseMs),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlineExceeded);
    return { error, gets: silent.received.get("GET") };
  }

  it("keeps the whole request within --timeout across the second sending, its pacing included", async () => {
    // A pause longer than --timeout: the whole request's time is spent, so no second sending goes (a fresh
    // 500 ms after the pause would send it). Counted, not timed.
    const { error, gets } = await resentAfter(600, 500);
    // The message names --timeout itself, not what was left of it for the second sending.
    expect((error as DeadlineExceeded).message).toBe("no complete answer within 0.5 s (--timeout)");
    // The first GET, and the one that met the closed connection; none after the pause.
    expect(gets).toBe(2);
  });

  it("gives the second sending what is left of --timeout after its pacing, and names --timeout", async () => {
    const { error, gets } = await resentAfter(100, 2000);
    expect((error as DeadlineExceeded).message).toBe("no complete answer within 2 s (--timeout)");
    expect(gets).toBe(3);
  });

  it("honours an abort that comes before the second sending", async () => {
    await transport(request(target.url, "GET"), agents);
    const abort = new AbortController();
    const sending = transport(request(target.url, "GET", { signal: abort.signal }), agents, () => {
      abort.abort();
      return Promise.resolve();
    });
    await expect(sending).rejects.toBeInstanceOf(RequestAborted);
    expect(target.received.get("GET")).toBe(2);
  });
});
