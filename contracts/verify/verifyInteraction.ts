import type { IncomingMessage } from "node:http";
import { Verifier } from "@pact-foundation/pact";

/**
 * Child process: verifies one pact file against a provider. The native verifier prints its report on stdout,
 * so it runs here, where the parent captures that output instead of letting it into the user's summary.
 * Tokens come in the environment (never argv); provider states are set up by the parent over loopback.
 */
export interface VerifyJob {
  readonly provider: string;
  readonly baseUrl: string;
  readonly pactFile: string;
  readonly stateUrl: string;
  readonly states: readonly string[];
  readonly authHeader: string;
  readonly placeholders: { readonly owner: string; readonly alt: string };
}

export const failureMark = "ITC-VERIFY-FAILURE ";

async function main(): Promise<number> {
  const job = JSON.parse(process.env["ITC_VERIFY_JOB"] ?? "{}") as VerifyJob;
  const owner = process.env["ITC_TOKEN"];
  const alt = process.env["ITC_ALT_TOKEN"];
  const setUp = (state: string) => async (params: unknown) => {
    const res = await fetch(job.stateUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ state, params }),
    });
    if (!res.ok) throw new Error(`provider state "${state}" could not be set up: ${await res.text()}`);
    return (await res.json()) as Record<string, string>;
  };
  const verifier = new Verifier({
    provider: job.provider,
    providerBaseUrl: job.baseUrl,
    pactUrls: [job.pactFile],
    logLevel: "error",
    stateHandlers: Object.fromEntries(job.states.map((s) => [s, setUp(s)])),
    // Pact files carry placeholders; the run's tokens are put in here and never written anywhere.
    requestFilter: (req: IncomingMessage, _res: unknown, next: () => void) => {
      const header = job.authHeader.toLowerCase();
      if (req.headers[header] === job.placeholders.owner && owner !== undefined) req.headers[header] = owner;
      else if (req.headers[header] === job.placeholders.alt && alt !== undefined) req.headers[header] = alt;
      next();
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
  void main().then((code) => {
    process.exitCode = code;
  });
}
