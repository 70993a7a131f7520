import { Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createNetServer, type AddressInfo, type Socket } from "node:net";
import { performance } from "node:perf_hooks";
import type { Profile } from "../../src/profile/Profile";
import { echoToken, echoTokenInType } from "./hostile/echoToken";
import { forward, readAll, type Forwarded } from "./hostile/forward";
import type { HostileMode, HostileRequest } from "./hostile/HostileMode";
import { eager204, late204, resetMidBody, trickle } from "./hostile/rawAnswers";
import { gzipped, retyped } from "./hostile/rewrites";
import { isImageDelete, isImageShow, isRoot, isTagDelete, pathOf, tagOf } from "./hostile/routes";
import { bigRoot, deepRoot, hugeRoot } from "./hostile/streamBody";
import { profile as builtinProfile } from "./profiles";
import { startReference, tokens } from "./reference";

export type { HostileMode, HostileRequest } from "./hostile/HostileMode";

export interface HostileOptions {
  readonly mode: HostileMode;
  /** The reference's profile (default huawei-ims). */
  readonly profile?: Profile;
  /** die-after: requests answered before the target dies (default 200). */
  readonly dieAfter?: number;
  /** huge-root: bytes of the endless version list (default 2 GiB). */
  readonly hugeBytes?: number;
  /** big-root: bytes of the long string (default 120 MB). */
  readonly bigBytes?: number;
  /** deep-root: nesting depth (default 100,000). */
  readonly depth?: number;
  /** expire-token: requests answered before the owner token is refused (default 150). */
  readonly expireAfter?: number;
  /** slow-deletes: how long each tag DELETE is held before it is forwarded (default 3 s). */
  readonly deleteDelayMs?: number;
}

export interface HostileTarget {
  /** The hostile front's URL: give it to the CLI as --target. */
  readonly url: string;
  /** The faithful reference behind it (reference.server.images shows what the run left behind). */
  readonly reference: Awaited<ReturnType<typeof startReference>>;
  /** Requests received so far (for silent: connections). */
  readonly requests: number;
  /** Every request received, in order. */
  readonly log: readonly HostileRequest[];
  stop(): Promise<void>;
}

/** throttle: which request numbers get which status instead of being forwarded (all with Retry-After: 1). */
export const throttled: ReadonlyMap<number, number> = new Map([
  [10, 429],
  [50, 429],
  [100, 429],
  [150, 503],
]);

function send(res: ServerResponse, answer: Forwarded): void {
  const bodyless = answer.status === 204 || answer.status === 304 || res.req.method === "HEAD";
  res.writeHead(answer.status, {
    ...answer.headers,
    ...(bodyless ? {} : { "content-length": String(answer.body.length) }),
  });
  res.end(bodyless ? undefined : answer.body);
}

/** What the modes that only rewrite a faithful answer make of it. */
function rewrite(
  mode: HostileMode,
  answer: Forwarded,
  req: IncomingMessage,
  token: string | undefined,
): Forwarded {
  if (mode === "echo-token") return echoToken(answer, token);
  if (mode === "echo-token-in-type") return echoTokenInType(answer, token);
  if (mode === "json-charset") return retyped(answer, "application/json; charset=UTF-8");
  if (mode === "json-uppercase") return retyped(answer, "application/JSON");
  if (mode === "gzip-errors") return gzipped(answer, req.headers["accept-encoding"]);
  return answer;
}

function throttleAnswer(status: number): Forwarded {
  const title = status === 429 ? "Too Many Requests" : "Service Unavailable";
  return {
    status,
    headers: { "content-type": "application/json", "retry-after": "1" },
    body: Buffer.from(
      JSON.stringify({ message: `${title}: retry after 1 s`, code: `${status} ${title}`, title }),
    ),
  };
}

/**
 * A target that misbehaves: in front of an in-process faithful reference (known tokens), a small server on
 * 127.0.0.1 that forwards to it, except where its mode says otherwise. Raw socket writes give exact control of
 * what arrives and when (late bytes, resets, trickles); `silent` is a bare node:net server.
 */
export async function startHostileTarget(options: HostileOptions): Promise<HostileTarget> {
  const { mode } = options;
  const reference = await startReference(options.profile ?? (await builtinProfile("huawei-ims")));
  const upstream = new URL(reference.url);
  const agent = new Agent({ keepAlive: true });
  const log: HostileRequest[] = [];
  const sockets = new Set<Socket>();
  let count = 0;
  let dead = false;
  const note = (req: IncomingMessage, fate: string, body?: Buffer): void => {
    log.push({
      n: count,
      method: req.method ?? "",
      path: pathOf(req),
      at: performance.now(),
      fate,
      ...(body === undefined ? {} : { body: body.toString("utf8") }),
      ...(req.headers["user-agent"] === undefined ? {} : { userAgent: req.headers["user-agent"] }),
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    count += 1;
    const n = count;
    const body = await readAll(req);
    const socket = req.socket;
    if (mode === "die-after" && n > (options.dieAfter ?? 200)) {
      note(req, "died");
      dead = true;
      server.close();
      for (const s of sockets) s.destroy();
      return;
    }
    const throttle = mode === "throttle" ? throttled.get(n) : undefined;
    if (throttle !== undefined) {
      note(req, `throttled ${throttle}`, body);
      send(res, throttleAnswer(throttle));
      return;
    }
    if (mode === "reset-mid-body" && n === 40) {
      note(req, "reset mid-body");
      resetMidBody(socket);
      return;
    }
    if (
      (mode === "silent-deletes" && isTagDelete(req)) ||
      (mode === "hanging-deletes" && isImageDelete(req))
    ) {
      note(req, "held, never answered");
      return;
    }
    if (isRoot(req) && mode === "huge-root") {
      note(req, "huge root");
      await hugeRoot(res, options.hugeBytes ?? 2 * 1024 ** 3);
      return;
    }
    if (isRoot(req) && mode === "big-root") {
      note(req, "big root");
      await bigRoot(res, options.bigBytes ?? 120 * 1024 * 1024);
      return;
    }
    if (isRoot(req) && mode === "deep-root") {
      note(req, "deep root");
      deepRoot(res, options.depth ?? 100_000);
      return;
    }
    // slow-long-500: a tag over 64 characters is answered 500, after 1.5 s (a case the time budget catches running).
    if (mode === "slow-long-500" && isTagDelete(req) && tagOf(req).length > 64) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      note(req, "500 after 1.5 s", body);
      send(res, {
        status: 500,
        headers: { "content-type": "application/json" },
        body: Buffer.from(
          JSON.stringify({
            message: "Internal Server Error",
            code: "500 Internal Server Error",
            title: "Internal Server Error",
          }),
        ),
      });
      return;
    }
    if (mode === "slow-deletes" && isTagDelete(req))
      await new Promise((resolve) => setTimeout(resolve, options.deleteDelayMs ?? 3000));
    // expire-token: past the limit the owner's token is no longer valid; the reference answers as to any bad token.
    const expired =
      mode === "expire-token" &&
      n > (options.expireAfter ?? 150) &&
      req.headers["x-auth-token"] === tokens.owner;
    if (expired) req.headers["x-auth-token"] = "expired-owner-token";
    const answer = await forward(upstream, agent, req, body);
    if (expired) {
      note(req, `owner token refused (${answer.status})`, body);
      send(res, answer);
      return;
    }
    if (mode === "trickle" && isImageShow(req)) {
      note(req, "trickled");
      trickle(
        socket,
        answer.status,
        String(answer.headers["content-type"] ?? "application/json"),
        answer.body,
        500,
      );
      return;
    }
    if (mode === "late-204-body" && isTagDelete(req) && answer.status === 204) {
      note(req, "204 with a late body");
      late204(socket, 50);
      return;
    }
    if ((mode === "eager-204-body" || mode === "chunked-204") && isTagDelete(req) && answer.status === 204) {
      note(req, "204 with content right behind it");
      eager204(socket, mode === "eager-204-body" ? "close" : "chunked", '{"late":true}');
      return;
    }
    const token = req.headers["x-auth-token"];
    note(req, "forwarded", body);
    send(res, rewrite(mode, answer, req, typeof token === "string" ? token : undefined));
  };

  const server: Server | ReturnType<typeof createNetServer> =
    mode === "silent"
      ? // Accepts connections and never answers anything: not even the request is read as HTTP.
        createNetServer(() => {
          count += 1;
        })
      : createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
          handle(req, res).catch(() => {
            req.socket.destroy();
          });
        });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
    if (dead) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    reference,
    get requests() {
      return count;
    },
    log,
    async stop() {
      for (const s of sockets) s.destroy();
      if (server.listening) await new Promise((resolve) => server.close(resolve));
      agent.destroy();
      await reference.server.close();
    },
  };
}
