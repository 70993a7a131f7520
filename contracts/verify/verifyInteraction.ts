import type { IncomingMessage } from "node:http";
import { Verifier } from "@pact-foundation/pact";
import { nonceHeader } from "./serveVerifier";
import { doneMark, failureMark, type VerifyJob } from "./VerifyJob";

/**
 * Child process: verifies one pact file. The native verifier prints its report on stdout, so it runs here,
 * where the parent captures that output instead of letting it into the user's summary. The provider it
 * verifies is the parent's loopback endpoint (with the nonce the parent gives in the environment): the parent
 * sets up provider states and sends each request to the target itself, with the run's tokens, TLS and
 * timeouts. No token, password or certificate ever reaches this process.
 */
async function main(): Promise<number> {
  const job = JSON.parse(process.env["ITC_VERIFY_JOB"] ?? "{}") as VerifyJob;
  const nonce = process.env["ITC_VERIFY_NONCE"] ?? "";
  const setUp = (state: string) => async (params: unknown) => {
    const res = await fetch(`${job.serverUrl}/_itc/state`, {
      method: "POST",
      headers: { "Content-Type": "application/json", [nonceHeader]: nonce },
      body: JSON.stringify({ state, params }),
    });
    if (!res.ok) throw new Error(`provider state "${state}" could not be set up: ${await res.text()}`);
    return (await res.json()) as Record<string, string>;
  };
  const verifier = new Verifier({
    provider: job.provider,
    providerBaseUrl: job.serverUrl,
    pactUrls: [job.pactUrl],
    logLevel: "error",
    timeout: job.timeoutMs,
    stateHandlers: Object.fromEntries(job.states.map((s) => [s, setUp(s)])),
    // Every request carries the nonce, which the parent checks and strips before forwarding.
    requestFilter: (req: IncomingMessage, _res: unknown, next: () => void) => {
      req.headers[nonceHeader] = nonce;
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

/**
 * Ends this process at once. Not process.exit: at exit, Node joins the native verifier's threads, which wait for
 * the request in flight (up to its timeout, 35 s by default) before the process goes.
 */
function die(): never {
  process.kill(process.pid, "SIGKILL");
  throw new Error("unreachable");
}

if (require.main === module) {
  // The parent holds our stdin: when it dies, even by SIGKILL, the pipe closes and so do we, at once.
  process.stdin.on("end", die);
  process.stdin.on("error", die);
  process.stdin.resume();
  // A second watch, should stdin be inherited elsewhere: a parent that died leaves us to another one.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) die();
  }, 250).unref();
  // When the parent dies, the verifier's proxy can throw on the closed loopback connection before stdin's end
  // is read. Node's exit path would then join the native verifier's threads, which wait for the request in
  // flight (up to 35 s): an uncaught error ends us the same way as everything else.
  const crash = (error: unknown): never => {
    process.stderr.write(
      `\nthe verifier child failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return die();
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
  // Not process.exit (see die): the parent reads the verdict from this line, then takes our end as the end.
  void main().then((code) => {
    process.stderr.write(`\n${doneMark}${String(code)}\n`);
    die();
  });
}
