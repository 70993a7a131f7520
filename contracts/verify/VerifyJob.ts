/**
 * What the verifier child is asked to do: verify one pact file against the run's loopback endpoint, which sets
 * up provider states and forwards every request to the target. Its own module, so that the parent process
 * never loads Pact's library (a quarter of a second at start-up) just to describe the job.
 */
export interface VerifyJob {
  readonly provider: string;
  /** Where the child reads the pact: the parent serves it on loopback (no file of the run's on disk). */
  readonly pactUrl: string;
  /** The parent's loopback endpoint (serveVerifier): the provider the child verifies, states included. */
  readonly serverUrl: string;
  readonly states: readonly string[];
  /** Each request of the verification, in ms: the parent's own --timeout fires first. */
  readonly timeoutMs: number;
}

/** The line the child writes its failure report on (stderr), for the parent to find. */
export const failureMark = "ITC-VERIFY-FAILURE ";

/** The line the child writes its exit code on (stderr, synchronous on a pipe) just before it kills itself. */
export const doneMark = "ITC-VERIFY-DONE ";
