/** The target could not be reached or stopped answering: the run cannot go on (exit code 3). */
export class TransportError extends Error {
  override readonly name = "TransportError";
}

/** The user asked the run to stop (Ctrl-C); no further request is sent except cleanup. */
export class RunAborted extends Error {
  override readonly name = "RunAborted";
}
