import { readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import https from "node:https";
import { Verifier } from "@pact-foundation/pact";
import { failureMark, type VerifyJob } from "./VerifyJob";

/**
 * Child process: verifies one pact file against a provider. The native verifier prints its report on stdout,
 * so it runs here, where the parent captures that output instead of letting it into the user's summary.
 * Provider states are set up, and tokens fetched per request, by the parent over loopback (with the nonce it
 * gives in the environment): a renewed token reaches the verifier, and no token is ever in argv or a file.
 */

/** The verifier's proxy reaches the target through Node's global https agent: give it the run's TLS. */
function applyTls(tls: VerifyJob["tls"]): void {
  const options = https.globalAgent.options;
  if (tls.caPath !== undefined) options.ca = readFileSync(tls.caPath);
  if (tls.certPath !== undefined) options.cert = readFileSync(tls.certPath);
  if (tls.keyPath !== undefined) options.key = readFileSync(tls.keyPath);
  if (tls.insecure) options.rejectUnauthorized = false;
}

async function main(): Promise<number> {
  const job = JSON.parse(process.env["ITC_VERIFY_JOB"] ?? "{}") as VerifyJob;
  applyTls(job.tls);
  const nonce = process.env["ITC_VERIFY_NONCE"] ?? "";
  const setUp = (state: string) => async (params: unknown) => {
    const res = await fetch(`${job.serverUrl}/state`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-ITC-Nonce": nonce },
      body: JSON.stringify({ state, params }),
    });
    if (!res.ok) throw new Error(`provider state "${state}" could not be set up: ${await res.text()}`);
    return (await res.json()) as Record<string, string>;
  };
  const tokenOf = async (who: "owner" | "alt"): Promise<string | undefined> => {
    const res = await fetch(`${job.serverUrl}/token/${who}`, { headers: { "X-ITC-Nonce": nonce } });
    return res.status === 200 ? await res.text() : undefined;
  };
  const verifier = new Verifier({
    provider: job.provider,
    providerBaseUrl: job.baseUrl,
    pactUrls: [job.pactFile],
    logLevel: "error",
    timeout: job.timeoutMs,
    validateSSL: !job.tls.insecure,
    disableSslVerification: job.tls.insecure,
    stateHandlers: Object.fromEntries(job.states.map((s) => [s, setUp(s)])),
    // Pact files carry placeholders; the run's tokens are put in here and never written anywhere.
    requestFilter: (req: IncomingMessage, _res: unknown, next: (error?: unknown) => void) => {
      const header = job.authHeader.toLowerCase();
      const placeholder = req.headers[header];
      const who =
        placeholder === job.placeholders.owner
          ? "owner"
          : placeholder === job.placeholders.alt
            ? "alt"
            : undefined;
      if (who === undefined) {
        next();
        return;
      }
      tokenOf(who).then(
        (token) => {
          if (token !== undefined) req.headers[header] = token;
          next();
        },
        (error: unknown) => {
          next(error);
        },
      );
    },
  });
  try {
    await verifier.verifyProvider();
    return 0;
  } catch (error) {
    process.stderr.write(
      `\n${failureMark}${JSON.stringify(error instanceof Error ? error.message : String(error))}\n`,
    );
    return 1;
  }
}

if (require.main === module) {
  // The parent holds our stdin: when it dies, even by SIGKILL, the pipe closes and so do we.
  process.stdin.on("end", () => process.exit(3));
  process.stdin.resume();
  void main().then((code) => {
    process.exit(code);
  });
}
