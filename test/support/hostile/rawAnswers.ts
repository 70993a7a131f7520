import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";

/** A status line and headers, written straight to the socket (no framing added by node:http). */
export function head(status: number, headers: Readonly<Record<string, string>>): string {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Unknown"}\r\n${lines.join("")}\r\n`;
}

/** trickle: status and headers (the real Content-Length) at once, then one body byte every `everyMs`. */
export function trickle(
  socket: Socket,
  status: number,
  contentType: string,
  body: Buffer,
  everyMs: number,
): void {
  socket.write(head(status, { "Content-Type": contentType, "Content-Length": String(body.length) }));
  let sent = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || sent >= body.length) {
      clearInterval(timer);
      return;
    }
    socket.write(body.subarray(sent, sent + 1));
    sent += 1;
  }, everyMs);
  socket.on("close", () => {
    clearInterval(timer);
  });
}

/** reset-mid-body: a 200 announcing 1000 bytes of JSON, 10 of them, then the connection is destroyed. */
export function resetMidBody(socket: Socket): void {
  socket.write(head(200, { "Content-Type": "application/json", "Content-Length": "1000" }));
  socket.write('{"images":', () => {
    socket.destroy();
  });
}

/**
 * late-204-body: 204 without Content-Length, then `{"late":true}` on the same connection `afterMs` later, then
 * the connection closes. `Connection: close` keeps a client from sending its next request on this socket.
 */
export function late204(socket: Socket, afterMs: number): void {
  socket.write(head(204, { Connection: "close", Date: new Date().toUTCString() }));
  setTimeout(() => {
    if (socket.destroyed) return;
    socket.end('{"late":true}');
  }, afterMs);
}

/**
 * eager-204-body (`close`) and chunked-204 (`chunked`): a 204 and content right behind it, in one write, then
 * the connection closes. Node's parser takes the 204 and fails on the bytes after it.
 */
export function eager204(socket: Socket, variant: "close" | "chunked", content: string): void {
  const date = new Date().toUTCString();
  const message =
    variant === "close"
      ? `${head(204, { Connection: "close", Date: date })}${content}`
      : `${head(204, { "Transfer-Encoding": "chunked", Connection: "close", Date: date })}${Buffer.byteLength(content).toString(16)}\r\n${content}\r\n0\r\n\r\n`;
  socket.end(message);
}
