/**
 * What the verifier child is asked to do: verify one pact file against a provider. Its own module, so that the
 * parent process never loads Pact's library (a quarter of a second at start-up) just to describe the job.
 */
export interface VerifyJob {
  readonly provider: string;
  readonly baseUrl: string;
  readonly pactFile: string;
  /** The parent's loopback server: POST /state, GET /token/owner, GET /token/alt. */
  readonly serverUrl: string;
  readonly states: readonly string[];
  readonly authHeader: string;
  readonly placeholders: { readonly owner: string; readonly alt: string };
  /** Each request of the verification, in ms (--timeout). */
  readonly timeoutMs: number;
  /** TLS towards the target as the run has it: files (never their contents in the environment) and --insecure. */
  readonly tls: {
    readonly caPath?: string;
    readonly certPath?: string;
    readonly keyPath?: string;
    readonly insecure: boolean;
  };
}

/** The line the child writes its failure report on (stderr), for the parent to find. */
export const failureMark = "ITC-VERIFY-FAILURE ";
