/** The whole request did not fit in the time allowed (--timeout). */
export class DeadlineExceeded extends Error {
  override readonly name = "DeadlineExceeded";
  constructor(readonly ms: number) {
    super(`no complete answer within ${ms / 1000} s (--timeout)`);
  }
}

/** The run's signal aborted the request (Ctrl-C). */
export class RequestAborted extends Error {
  override readonly name = "RequestAborted";
  constructor() {
    super("aborted");
  }
}

/** A plain-HTTP request failed, and the port completes a TLS handshake: the URL should be https://. */
export class SpeaksTls extends Error {
  override readonly name = "SpeaksTls";
  constructor(override readonly cause: Error) {
    super(cause.message);
  }
}

/** The origin with another scheme, its port kept (a default port is made explicit: it is the wrong one). */
function withScheme(origin: string, scheme: "http:" | "https:"): string {
  const url = new URL(origin);
  const port = url.port === "" ? (url.protocol === "https:" ? "443" : "80") : url.port;
  return `${scheme}//${url.hostname}:${port}`;
}

const untrusted = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
]);

/**
 * A transport failure said in words, for the one line a user reads; isTls tells whether it is the TLS set-up
 * (which the user fixes: a scheme, a CA, a certificate), not the target being away.
 */
export function describeTransportError(error: unknown, origin: string): { text: string; isTls: boolean } {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code;
  const c = typeof code === "string" ? code : "";
  if (e instanceof DeadlineExceeded) return { text: `${origin}: ${e.message}`, isTls: false };
  if (c === "ERR_SSL_WRONG_VERSION_NUMBER" || /wrong version number/i.test(e.message))
    return {
      text: `${origin} does not speak TLS: is it an http:// URL given as https://? Give ${withScheme(origin, "http:")} instead (the TLS handshake got a plain answer)`,
      isTls: true,
    };
  if (untrusted.has(c))
    return {
      text: `${origin}: its TLS certificate is not trusted (${c}): give the CA with --os-cacert (or OS_CACERT, or cacert in clouds.yaml), or --insecure to skip verification`,
      isTls: true,
    };
  if (c === "CERT_HAS_EXPIRED" || c === "CERT_NOT_YET_VALID")
    return { text: `${origin}: its TLS certificate is not valid now (${c})`, isTls: true };
  if (c === "ERR_TLS_CERT_ALTNAME_INVALID")
    return { text: `${origin}: its TLS certificate names another host (${e.message})`, isTls: true };
  if (c.startsWith("ERR_SSL_") || c.startsWith("ERR_TLS_") || c === "EPROTO")
    return {
      text: `${origin}: the TLS handshake failed (${c}: ${e.message.split("\n")[0] ?? ""})`,
      isTls: true,
    };
  if (e instanceof SpeaksTls)
    return {
      text: `${origin} speaks TLS, not plain HTTP: is it an https:// URL given as http://? Give ${withScheme(origin, "https:")} instead (a plain request was cut off, a TLS handshake succeeded)`,
      isTls: true,
    };
  if (c === "HPE_INVALID_CONSTANT" || c === "HPE_INVALID_VERSION")
    return {
      text: `${origin} did not answer HTTP (is it an https:// URL given as http://?): ${e.message}`,
      isTls: false,
    };
  if (c === "ECONNREFUSED") return { text: `${origin}: connection refused`, isTls: false };
  if (c === "ENOTFOUND" || c === "EAI_AGAIN") return { text: `${origin}: host not found`, isTls: false };
  if (c === "ECONNRESET") return { text: `${origin}: the connection was reset`, isTls: false };
  return { text: `${origin}: ${e.message.split("\n")[0] ?? ""}${c === "" ? "" : ` (${c})`}`, isTls: false };
}
