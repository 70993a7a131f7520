import { connect } from "node:net";
import { performance } from "node:perf_hooks";

export interface RawChunk {
  /** ms after the request was written. */
  readonly at: number;
  readonly data: Buffer;
}

export interface RawResult {
  readonly chunks: readonly RawChunk[];
  /** The server closed (or reset) the connection before `waitMs`. */
  readonly closed: boolean;
  /** The connection could not be made (ECONNREFUSED...). */
  readonly error?: string;
  readonly text: string;
}

/**
 * Sends one request as raw bytes and records every byte that comes back, with when, until the server closes
 * the connection or `waitMs` has passed: what a test needs to see late bytes, trickles, resets and silence.
 */
export function rawRequest(
  url: string,
  request: { method: string; path: string; headers?: Record<string, string>; body?: string },
  waitMs: number,
): Promise<RawResult> {
  const { hostname, port } = new URL(url);
  const body = request.body ?? "";
  const headers = {
    Host: `${hostname}:${port}`,
    ...(body === "" ? {} : { "Content-Type": "application/json", "Content-Length": String(body.length) }),
    ...request.headers,
  };
  const head = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("");
  return new Promise((resolve) => {
    const chunks: RawChunk[] = [];
    let started = performance.now();
    let error: string | undefined;
    const socket = connect(Number(port), hostname, () => {
      started = performance.now();
      socket.write(`${request.method} ${request.path} HTTP/1.1\r\n${head}\r\n${body}`);
    });
    let done = false;
    const finish = (closed: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks.map((c) => c.data)).toString("latin1");
      resolve({ chunks, closed, text, ...(error === undefined ? {} : { error }) });
    };
    const timer = setTimeout(() => {
      finish(false);
    }, waitMs);
    socket.on("data", (data: Buffer) => chunks.push({ at: performance.now() - started, data }));
    socket.on("error", (e) => (error = e.message));
    socket.on("close", () => {
      finish(true);
    });
  });
}
