import { connect } from "node:tls";
import { Agents } from "./Agents";

/** Resets and hang-ups a TLS server gives a plain-HTTP request (Node's does; others answer 400 or an alert). */
const resetCodes = new Set(["ECONNRESET", "EPIPE"]);

/**
 * Whether a plain-HTTP request that was reset before any answer went to a port that speaks TLS: one TLS
 * handshake, without verification, within a second. Only for an http:// URL reached directly (a proxy's
 * answer would say nothing of the target's port).
 */
export async function speaksTls(url: URL, error: unknown): Promise<boolean> {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (url.protocol !== "http:" || typeof code !== "string" || !resetCodes.has(code)) return false;
  if (Agents.proxyFor(url) !== undefined) return false;
  return new Promise((resolve) => {
    const socket = connect({
      host: url.hostname.replace(/^\[|\]$/g, ""),
      port: Number(url.port === "" ? 80 : url.port),
      rejectUnauthorized: false,
      ...(/^[\d.]+$|:/.test(url.hostname) ? {} : { servername: url.hostname }),
    });
    const done = (yes: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(yes);
    };
    const timer = setTimeout(() => {
      done(false);
    }, 1000);
    socket.once("secureConnect", () => {
      done(true);
    });
    socket.once("error", () => {
      done(false);
    });
  });
}
