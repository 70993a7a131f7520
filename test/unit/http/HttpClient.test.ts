import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Agents } from "../../../src/http/Agents";
import type { Exchange } from "../../../src/http/Exchange";
import { HttpClient } from "../../../src/http/HttpClient";
import { emptyStats } from "../../../src/http/HttpStats";
import { Pacer } from "../../../src/http/Pacer";
import { Redactor } from "../../../src/http/Redactor";
import { toHar } from "../../../reports/renderHar";

/** Answers the first request of each connection, drops any later one unanswered (a close crossing a reuse). */
function oneAnswerPerConnection(): Promise<{ server: Server; baseUrl: string }> {
  const answered = new WeakSet<Socket>();
  const server = createServer((req, res) => {
    if (answered.has(req.socket)) {
      req.socket.destroy();
      return;
    }
    answered.add(req.socket);
    req.resume();
    req.on("end", () => res.writeHead(200, { "Content-Type": "application/json" }).end('{"tags":[]}'));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({ server, baseUrl: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}` });
    });
  });
}

/** Three GETs through a client, against oneAnswerPerConnection(): the second meets a closed connection. */
async function threeGets(
  pacer: Pacer,
): Promise<{ exchanges: Exchange[]; stats: ReturnType<typeof emptyStats>; baseUrl: string }> {
  const { server, baseUrl } = await oneAnswerPerConnection();
  const agents = new Agents();
  const stats = emptyStats();
  const exchanges: Exchange[] = [];
  const client = new HttpClient({
    baseUrl,
    authHeader: "X-Auth-Token",
    credentials: { owner: "owner-secret-token", alt: undefined },
    redactor: new Redactor(["owner-secret-token"]),
    stats,
    agents,
    pacer,
    onExchange: (e) => exchanges.push(e),
  });
  try {
    for (let i = 0; i < 3; i++)
      await client.send({ operationId: "showImage", method: "GET", path: "/v2/images/x", as: "owner" });
  } finally {
    agents.destroy();
    server.closeAllConnections();
    server.close();
  }
  return { exchanges, stats, baseUrl };
}

describe("HttpClient: a request sent twice on a new connection is said in the evidence", () => {
  it("paces the second sending like any request (--rate)", async () => {
    const started = performance.now();
    const { stats } = await threeGets(new Pacer(200));
    const elapsed = performance.now() - started;
    expect(stats.resent).toBe(1);
    // Four sendings 200 ms apart: 600 ms at least (400 if the second sending skipped the pacer).
    expect(elapsed).toBeGreaterThanOrEqual(590);
    // The pacing is not time spent waiting on the target.
    expect(stats.waitMs).toBeLessThan(150);
  });

  it("marks the exchange resent, counts it in stats.resent (not in requests), and the HAR says so", async () => {
    const { exchanges, stats, baseUrl } = await threeGets(new Pacer(0));
    // GET (new connection) · GET (reused: dropped, sent again) · GET (new pooled connection).
    expect(exchanges.map((e) => e.resent === true)).toEqual([false, true, false]);
    expect({ requests: stats.requests, resent: stats.resent }).toEqual({ requests: 3, resent: 1 });
    const har = JSON.stringify(
      toHar(exchanges, baseUrl, { suiteVersion: "0", startedAt: new Date(0).toISOString(), runId: "r" }),
    );
    expect(har).toMatch(/sent twice: the kept-alive connection closed unanswered/);
    expect(har).not.toMatch(/owner-secret-token/);
  });
});
