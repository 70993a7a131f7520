/** The target could not be reached or stopped answering: the run cannot go on (exit code 3). */
export class TransportError extends Error {
  override readonly name: string = "TransportError";
  constructor(
    message: string,
    /** The TLS set-up failed (a scheme, a CA, a certificate): the user's configuration, exit code 2. */
    readonly tls = false,
  ) {
    super(message);
  }
}

/** The user asked the run to stop (Ctrl-C); no further request is sent except cleanup. */
export class RunAborted extends Error {
  override readonly name = "RunAborted";
}

/** The target kept throttling (429, or 503 with Retry-After) after every retry: nothing it answered is judged. */
export class TargetThrottled extends Error {
  override readonly name = "TargetThrottled";
}

/**
 * The target refused (401) one of the run's own credentials that it had accepted until then: the token expired
 * or was revoked. The run cannot go on (like a transport failure), and nothing is blamed on the target: the run
 * ends incomplete, what was judged before it stands.
 */
export class CredentialRejected extends TransportError {
  override readonly name = "CredentialRejected";
  constructor(
    message: string,
    readonly principal: "owner" | "alt",
  ) {
    super(message);
  }
}
