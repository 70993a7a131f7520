import type { Agent, IncomingMessage } from "node:http";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Socket } from "node:net";
import type { Agents } from "./Agents";
import { decodeBody } from "./decodeBody";
import { DeadlineExceeded, RequestAborted } from "./transportErrors";

export interface RawRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  /** The whole request, from connecting to the last byte of the body, must fit in this. */
  readonly deadlineMs: number;
  readonly signal?: AbortSignal | undefined;
  /** Body bytes kept at most; beyond, the response is cut (truncated) and the connection dropped. */
  readonly maxBodyBytes: number;
  /**
   * A connection of its own, watched after the response: bytes after the end of a response that has no
   * content (RFC 9110 §15.3.5, §15.4.5) are counted as trailing. Used for the subject request.
   */
  readonly watched?: boolean;
}

export interface RawResponse {
  readonly status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** The body was longer than maxBodyBytes (only that much is kept). */
  readonly truncated: boolean;
  /**
   * Bytes the server sent after a response that has no content: at once behind it (every request), or later
   * on the same connection (watched requests only).
   */
  readonly trailingBytes: number;
  /** The first of those bytes (at most maxTrailingKept), as evidence. */
  readonly trailing: Buffer;
  /**
   * Sent a second time, on a new connection: the first went out on a kept-alive connection that the server had
   * closed, and no byte of an answer came back.
   */
  readonly resent: boolean;
}

/** How long a watched connection may stay open after a content-less response before it is closed by us. */
const watchGraceMs = 250;
const maxWatchedBytes = 64 * 1024;
/** Bytes after a content-less response kept as evidence. */
export const maxTrailingKept = 1024;

function headersOf(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

/** The bytes after the final header block of the one response a watched connection carried. */
function bytesAfterHeaders(raw: Buffer): Buffer {
  let start = 0;
  for (;;) {
    const end = raw.indexOf("\r\n\r\n", start);
    if (end < 0) return Buffer.alloc(0);
    // Interim 1xx responses come before the final one.
    if (!/^HTTP\/\d(\.\d)? 1\d\d/.test(raw.subarray(start, start + 16).toString("latin1")))
      return raw.subarray(end + 4);
    start = end + 4;
  }
}

/**
 * The bytes a parse error of node:http found after a response (in its `rawPacket`): after a 204
 * with Connection: close, or after one that announced a body it may not have (chunked, Content-Length), the
 * parser takes the response, then fails on what follows (HPE_CLOSED_CONNECTION, HPE_INVALID_CONSTANT).
 */
function bytesAfterParse(error: Error): Buffer | undefined {
  const e = error as { code?: unknown; rawPacket?: unknown };
  if (typeof e.code !== "string" || !e.code.startsWith("HPE_") || !Buffer.isBuffer(e.rawPacket))
    return undefined;
  // bytesParsed may count the first offending byte: the head's end says where the response stopped. A packet
  // without the head came after it, whole.
  const raw = e.rawPacket;
  return /^HTTP\/\d/.test(raw.subarray(0, 8).toString("latin1")) ? bytesAfterHeaders(raw) : raw;
}

/**
 * Keeps a watched socket open after Node is done with it (Node destroys a non-keep-alive socket at the end of
 * the response), until the server closes it or the grace runs out, so late bytes can be counted.
 */
function watch(socket: Socket): { raw: () => Buffer; closed: () => Promise<void> } {
  const chunks: Buffer[] = [];
  let size = 0;
  socket.on("data", (d: Buffer) => {
    if (size < maxWatchedBytes) chunks.push(d);
    size += d.length;
  });
  let release: (() => void) | undefined;
  const closed = new Promise<void>((resolve) => (release = resolve));
  const destroy = socket.destroy.bind(socket);
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    destroy();
    release?.();
  };
  let timer: NodeJS.Timeout | undefined;
  socket.destroySoon = (): void => {
    // Not even a half-close: a server seeing our FIN may close before sending what we watch for. Node only
    // needs the socket no longer writable; it is destroyed once the server closes or the grace ends.
    (socket as { writable: boolean }).writable = false;
    // When the grace ends, what already arrived is read first (the poll phase comes before setImmediate's): a
    // busy event loop can fire the timer after bytes the server sent well within the grace.
    timer = setTimeout(() => setImmediate(finish), watchGraceMs);
  };
  socket.once("end", finish);
  socket.once("close", finish);
  return {
    raw: () => Buffer.concat(chunks),
    closed: () => (timer === undefined && !finished ? Promise.resolve() : closed),
  };
}

/** RFC 9110 §9.2.2: a client may retry these automatically when the connection fails before the answer. */
const idempotent = new Set(["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"]);

/** A pooled connection the server had already closed (a keep-alive race): nothing of an answer arrived. */
class StaleConnection extends Error {
  override readonly name = "StaleConnection";
  constructor(override readonly cause: Error) {
    super(cause.message);
  }
}

const staleCodes = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

/**
 * One HTTP exchange over node:http(s): no redirects followed, the whole request bounded in time, the body
 * bounded in size, aborted at once by the signal. Resolves with the response or rejects with the error.
 *
 * A server may close an idle kept-alive connection just as the next request goes out on it (an idle timeout, a
 * load balancer, uwsgi's --http-socket without Debian's `rem-header = Content-Length`). So only idempotent
 * requests (RFC 9110 §9.2.2) share connections here, and one that meets a connection closed before any byte of
 * an answer is sent once more on a new one (RFC 9112 §9.3.1 allows it), after `beforeResend` (pacing; it may
 * throw to stop), and marked `resent`. A POST, and the watched subject request, get a connection of their own:
 * never sent twice.
 */
export async function transport(
  req: RawRequest,
  agents: Agents,
  beforeResend?: () => Promise<void>,
): Promise<RawResponse> {
  const pooled = req.watched !== true && idempotent.has(req.method);
  const started = Date.now();
  try {
    return await exchange(req, agents, pooled);
  } catch (e) {
    if (!(e instanceof StaleConnection)) throw e;
    await beforeResend?.();
    // The pacing wait counts too: --timeout bounds the whole request.
    const left = req.deadlineMs - (Date.now() - started);
    if (left <= 0) throw new DeadlineExceeded(req.deadlineMs);
    try {
      return { ...(await exchange({ ...req, deadlineMs: left }, agents, false)), resent: true };
    } catch (again) {
      // The whole request had --timeout, not what was left of it.
      if (again instanceof DeadlineExceeded) throw new DeadlineExceeded(req.deadlineMs);
      throw again;
    }
  }
}

function exchange(req: RawRequest, agents: Agents, pooled: boolean): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    if (req.signal?.aborted === true) {
      reject(new RequestAborted());
      return;
    }
    const https = req.url.protocol === "https:";
    const agent: Agent | false = pooled
      ? agents.pooled(req.url)
      : req.watched === true
        ? agents.fresh(req.url)
        : agents.single(req.url);
    const send = https ? httpsRequest : httpRequest;
    const client = send(req.url, {
      method: req.method,
      headers: {
        ...req.headers,
        ...(req.body === undefined ? {} : { "Content-Length": String(req.body.length) }),
      },
      agent,
      ...agents.tlsOptions(),
    });
    let settled = false;
    const done = (error: Error | undefined, value?: RawResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      req.signal?.removeEventListener("abort", onAbort);
      if (error !== undefined) {
        client.destroy();
        reject(error);
      } else if (value !== undefined) resolve(value);
    };
    const deadline = setTimeout(() => {
      done(new DeadlineExceeded(req.deadlineMs));
    }, req.deadlineMs);
    const onAbort = (): void => {
      done(new RequestAborted());
    };
    req.signal?.addEventListener("abort", onAbort, { once: true });
    let watcher: ReturnType<typeof watch> | undefined;
    if (req.watched === true)
      client.once("socket", (s: Socket) => {
        watcher = watch(s);
      });
    let answered = false;
    /** A response with no content (204, 304, or to HEAD) has been parsed: bytes after it are its content. */
    let contentless = false;
    /** Bytes the parser found after a content-less response, in the error it raised on them. */
    let afterParse: Buffer | undefined;
    let ended = false;
    let finish: (() => void) | undefined;
    client.on("error", (e) => {
      if (contentless) {
        const after = bytesAfterParse(e);
        // The response stands; what followed it is evidence against it (RFC 9110 §15.3.5), not a dead target.
        if (after !== undefined) afterParse = Buffer.concat([afterParse ?? Buffer.alloc(0), after]);
        if (ended) finish?.();
        if (after !== undefined || ended) return;
      }
      const code = (e as { code?: unknown }).code;
      const stale =
        pooled && client.reusedSocket && !answered && typeof code === "string" && staleCodes.has(code);
      done(stale ? new StaleConnection(e) : e);
    });
    client.on("response", (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const status = res.statusCode ?? 0;
      const noContent = status === 204 || status === 304 || req.method === "HEAD";
      contentless = noContent;
      let finishing = false;
      finish = (): void => {
        if (finishing) return;
        finishing = true;
        const headers = headersOf(res);
        void decodeBody(Buffer.concat(chunks), headers["content-encoding"], req.maxBodyBytes).then(
          (decoded) => {
            answer(headers, decoded);
          },
        );
      };
      const answer = (
        headers: Record<string, string>,
        decoded: { readonly body: Buffer; readonly truncated: boolean },
      ): void => {
        const base = { status, headers, body: decoded.body, truncated: truncated || decoded.truncated };
        const parsedAfter = afterParse ?? Buffer.alloc(0);
        const trailingOf = (after: Buffer): Pick<RawResponse, "trailingBytes" | "trailing"> => ({
          trailingBytes: after.length,
          trailing: Buffer.from(after.subarray(0, maxTrailingKept)),
        });
        if (watcher === undefined || !noContent || truncated) {
          done(undefined, { ...base, ...trailingOf(parsedAfter), resent: false });
          return;
        }
        const w = watcher;
        void w.closed().then(() => {
          const watched = bytesAfterHeaders(w.raw());
          // The watcher saw every byte of the connection; the parser's error only those of its last packet.
          done(undefined, {
            ...base,
            ...trailingOf(watched.length >= parsedAfter.length ? watched : parsedAfter),
            resent: false,
          });
        });
      };
      res.on("data", (d: Buffer) => {
        if (truncated) return;
        if (size + d.length > req.maxBodyBytes) {
          chunks.push(d.subarray(0, req.maxBodyBytes - size));
          truncated = true;
          finish?.();
          res.destroy();
          return;
        }
        chunks.push(d);
        size += d.length;
      });
      res.on("end", () => {
        ended = true;
        // The parser's error on bytes after a content-less response comes just after its end: let it land.
        if (noContent) setImmediate(() => finish?.());
        else finish?.();
      });
      res.on("error", (e) => {
        done(e);
      });
      res.on("close", () => {
        // A body cut at maxBodyBytes is finishing (decoding is asynchronous): its connection was closed by us.
        if (!res.complete && !truncated)
          done(new Error("the connection closed before the response was complete"));
      });
    });
    client.end(req.body);
  });
}
