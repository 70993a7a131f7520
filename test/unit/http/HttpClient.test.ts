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

/** A pacer that pauses a fixed time before every sending, and counts the pauses and their time. */
class PausingPacer extends Pacer {
  waits = 0;
  pausedMs = 0;
  constructor(private readonly pauseMs: number) {
    super(0);
  }
  override async wait(): Promise<void> {
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, this.pauseMs));
    this.waits += 1;
    this.pausedMs += performance.now() - started;
  }
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
  it("paces the second sending like any request (--rate), and the pause is not time spent waiting on the target", async () => {
    const pacer = new PausingPacer(300);
    const started = performance.now();
    const { stats } = await threeGets(pacer);
    const elapsed = performance.now() - started;
    expect(stats.resent).toBe(1);
    // Four sendings, each paced (three if the second sending skipped the pacer).
    expect(pacer.waits).toBe(4);
    // The pauses and the time in flight never overlap, so together they fit in the run's time: were a pause
    // counted as waiting, the sum would pass it by that pause (no bound on how fast the machine is).
    expect(stats.waitMs + pacer.pausedMs).toBeLessThanOrEqual(elapsed + 1);
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
