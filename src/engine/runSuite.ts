import { performance } from "node:perf_hooks";
import { suiteScenarios } from "../../suites";
import { Agents, defaultTls, type TlsSettings } from "../http/Agents";
import { CredentialRejected, RunAborted, TargetThrottled, TransportError } from "../http/errors";
import type { Exchange } from "../http/Exchange";
import { HttpClient } from "../http/HttpClient";
import { emptyStats } from "../http/HttpStats";
import { Pacer } from "../http/Pacer";
import type { Redactor } from "../http/Redactor";
import type { Profile } from "../profile/Profile";
import { boundedJson, maxDocumentChars } from "../util/boundedJson";
import { Fixtures } from "./Fixtures";
import { preflight } from "./preflight";
import { unexpectedServerErrors } from "./property/unexpectedServerErrors";
import type { RunEvent, RunResult, ScenarioResult } from "./RunResult";
import { redactorFor } from "./redactorFor";
import { prepareScenario, runScenario } from "./runScenario";
import { defaultRunSettings, type RunSettings } from "./RunSettings";
import type { Scenario } from "./Scenario";
import { ScratchImages, type CleanupResult } from "./ScratchImages";
import { runWhenReady } from "./runWhenReady";
import { checkSentinel, createSentinel, type Sentinel } from "./sentinel";
import { defaultNamePrefix, runScratchName } from "./scratchNames";
import type { Target } from "./Target";

export interface RunOptions {
  readonly profile: Profile;
  readonly target: Target;
  readonly runId: string;
  readonly scenarios?: readonly Scenario[];
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly settings?: RunSettings;
  /** Requests per second at most; 0 or undefined for no limit. */
  readonly rate?: number;
  /** The User-Agent of every request (--user-agent); undefined: the HTTP layer's default. */
  readonly userAgent?: string;
  readonly tls?: TlsSettings;
  /** The run's redactor; renewed tokens are added to it as they come (default: one for the target's secrets). */
  readonly redactor?: Redactor;
  /** What every scratch image name starts with (--name-prefix; default itc-). */
  readonly namePrefix?: string;
  /** Told every scratch image name before a create carries it (the CLI keeps the run's local record). */
  readonly onScratchName?: (name: string) => void;
  /** Keep every exchange of the run in the result (--har); otherwise only the evidence ones are kept. */
  readonly keepExchanges?: boolean;
  /** Why the run is partial beyond --only / --exclude (verify-contracts). */
  readonly partial?: string;
  /** The command that reruns one scenario replaying a fast-check path (the CLI knows its own options). */
  readonly replayCommand?: (scenarioId: string, path: string) => string;
  readonly onEvent?: (event: RunEvent) => void;
}

/** The time cleanup may take at most: a target that stalls deletes cannot hold the run. */
export function cleanupDeadlineMs(timeoutMs: number): number {
  return Math.max(30_000, 4 * timeoutMs);
}

/**
 * How a transport failure ends the run: a TLS set-up the user fixes, a token of the run's that the target
 * stopped accepting, or the target gone.
 */
function unreachable(error: TransportError): NonNullable<RunResult["aborted"]> {
  if (error instanceof CredentialRejected) return { kind: "token-expired", message: error.message };
  if (error.tls) return { kind: "tls", message: `the TLS set-up failed: ${error.message}` };
  return { kind: "unreachable", message: `target unreachable: ${error.message}` };
}

/** The target's root document (GET /, no token): the version list an OpenStack service serves there, bounded. */
async function versionDocument(client: HttpClient, redactor: Redactor): Promise<unknown> {
  const res = await client.send({
    operationId: "versions",
    method: "GET",
    path: "/",
    as: "anonymous",
    maxBodyBytes: maxDocumentChars + 1,
  });
  // Redacted whole, before any cut: a secret split by a cut would no longer be recognised.
  return boundedJson(res.status, redactor.redact(res.text), res.truncated);
}

/** A 5xx row that a live target cannot be made to answer says how many requests of the run got a 5xx. */
function withServerErrorNote(
  result: ScenarioResult,
  requests: number,
  serverErrors: readonly number[],
): ScenarioResult {
  if (result.cause !== "untriggerable") return result;
  const note =
    serverErrors.length === 0
      ? `none of the run's ${requests} requests got a 5xx`
      : `${serverErrors.length} of the run's ${requests} requests got a 5xx (exchanges ${serverErrors.join(", ")})`;
  return { ...result, reason: `${result.reason ?? ""}; ${note}` };
}

/** Which scenarios of the suite run: those that apply to the profile, narrowed by --only and --exclude. */
export function selectScenarios(
  all: readonly Scenario[],
  profile: Profile,
  settings: RunSettings,
): Scenario[] {
  return all.filter(
    (s) =>
      s.appliesTo(profile) &&
      (settings.only === undefined || settings.only.includes(s.id)) &&
      !(settings.exclude ?? []).includes(s.id),
  );
}

function partialOf(settings: RunSettings, ...extra: readonly (string | undefined)[]): string | undefined {
  const parts = [
    ...(settings.only === undefined ? [] : [`only ${settings.only.join(", ")} (--only)`]),
    ...(settings.exclude === undefined ? [] : [`without ${settings.exclude.join(", ")} (--exclude)`]),
    ...extra.filter((x): x is string => x !== undefined),
  ];
  return parts.length === 0 ? undefined : parts.join("; ");
}

/**
 * Runs the scenarios that apply to the profile against the target, several at once (--workers; the
 * concurrency tier alone, last), then deletes every scratch image the run stored, announced or not.
 */
export async function runSuite(options: RunOptions): Promise<RunResult> {
  const { profile, target, runId } = options;
  const startedAt = new Date().toISOString();
  const runStartedMs = performance.now();
  const stats = emptyStats();
  const redactor = options.redactor ?? redactorFor(target);
  const agents = new Agents(options.tls ?? defaultTls);
  const settings = options.settings ?? defaultRunSettings;
  const timeoutMs = options.timeoutMs ?? 30000;
  const tls = options.tls ?? defaultTls;
  const all: Exchange[] | undefined = options.keepExchanges === true ? [] : undefined;
  // Stops every worker at once: Ctrl-C, or the target failing under one of them (no point going on elsewhere).
  const stop = new AbortController();
  const onUserAbort = (): void => {
    stop.abort();
  };
  options.signal?.addEventListener("abort", onUserAbort, { once: true });
  if (options.signal?.aborted === true) stop.abort();
  const client = new HttpClient({
    baseUrl: target.baseUrl,
    authHeader: profile.authHeader,
    credentials: target.credentials,
    redactor,
    stats,
    agents,
    pacer: new Pacer(options.rate === undefined || options.rate <= 0 ? 0 : 1000 / options.rate),
    beforeSend: async () => {
      for (const token of (await target.refresh?.()) ?? []) redactor.add(token);
    },
    signal: stop.signal,
    timeoutMs,
    onExchange: (e) => {
      all?.push(e);
    },
    origin: runStartedMs,
    ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
    ...((): { credentialCheckPath?: string } => {
      const list = profile.fixtures.get("listImages");
      return list === undefined ? {} : { credentialCheckPath: `${list.pathTemplate}?limit=1` };
    })(),
  });
  const images = new ScratchImages(
    profile,
    runId,
    target.altProjectId,
    runScratchName(options.namePrefix ?? defaultNamePrefix, settings.seed, runId),
    options.onScratchName,
  );
  const scenarios = selectScenarios(options.scenarios ?? suiteScenarios(profile), profile, settings);
  const replayCommand =
    options.replayCommand ??
    ((id: string, path: string) =>
      `image-tag-conformance run --only ${id} --seed ${settings.seed} --replay-path ${path}`);
  const results: (ScenarioResult | undefined)[] = [];
  // A scenario interrupted because another one found the target gone is not reported as interrupted by the user.
  const keep = (r: ScenarioResult): boolean =>
    !(r.cause === "interrupted" && aborted !== undefined && aborted.kind !== "user");
  let aborted: RunResult["aborted"];
  let rootDocument: unknown = null;
  let preflightFailed: RunResult["aborted"];
  let finished = 0;
  // Every exchange of each scenario, kept to the end: a 5xx that no judged case accounts for is a breach.
  const scenarioExchanges: Exchange[][] = [];
  // The owner's image no request names: read after the scenarios, it must be exactly as created.
  let sentinel: Sentinel | undefined;
  let sentinelMissing: string | undefined;
  const sentinelLog: Exchange[] = [];
  // The exchanges of the scenarios' preparations (the target's capabilities): a 5xx there is judged too.
  const prepareLog: Exchange[] = [];
  const runOne = async (scenario: Scenario, index: number): Promise<void> => {
    if (aborted !== undefined || stop.signal.aborted) return;
    options.onEvent?.({ type: "scenario-start", index, total: scenarios.length, scenario });
    const exchanges: Exchange[] = [];
    scenarioExchanges[index] = exchanges;
    const own = client.withExchanges((e) => {
      exchanges.push(e);
      all?.push(e);
    });
    const stopWith = (error: TransportError): void => {
      aborted ??= unreachable(error);
      stop.abort();
    };
    try {
      const { result, stoppedBy } = await runScenario(scenario, {
        profile,
        target,
        client: own,
        fixtures: new Fixtures(own, profile, images),
        exchanges,
        settings,
        replayCommand,
        runStartedMs,
        signal: stop.signal,
        timeoutMs,
        tls,
      });
      // A failure the target showed before it became unreachable is kept beside the abort.
      if (result !== undefined) {
        results[index] = result;
        options.onEvent?.({ type: "scenario-end", index: finished++, total: scenarios.length, result });
      }
      if (stoppedBy !== undefined) stopWith(stoppedBy);
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      stopWith(error);
    }
  };
  try {
    // Both settle before the run goes on or ends: a preflight image registered late is still cleaned up.
    const [root, checked] = await Promise.allSettled([
      versionDocument(client, redactor),
      preflight(client, profile, images, target.credentials.alt !== undefined),
    ]);
    if (checked.status === "rejected") throw checked.reason;
    if (root.status === "rejected") throw root.reason;
    rootDocument = root.value;
    const failed = checked.value;
    if (failed !== undefined) aborted = preflightFailed = failed;
    else
      sentinel = await createSentinel(
        client.withExchanges((e) => {
          sentinelLog.push(e);
          all?.push(e);
        }),
        profile,
        images,
        settings.seed,
      );
    // Without the sentinel, no request of the run is checked for changing an image it did not name: the run
    // is partial (never conformant), and says why.
    if (aborted === undefined && sentinel === undefined)
      sentinelMissing = "no sentinel image could be made, so no check that other images stay unchanged";
    // The shared plans (the target's capabilities, then the coverage plan) are made while the scenarios that
    // need none run; those that need one start when it is ready.
    const preparing = (async (): Promise<void> => {
      if (aborted !== undefined) return;
      for (const s of scenarios.filter((x) => x.prepare !== undefined)) {
        if (stop.signal.aborted) break;
        const own = client.withExchanges((e) => {
          prepareLog.push(e);
          all?.push(e);
        });
        await prepareScenario(s, {
          profile,
          target,
          client: own,
          fixtures: new Fixtures(own, profile, images),
          exchanges: [],
          settings,
          replayCommand,
          runStartedMs,
          signal: stop.signal,
          timeoutMs,
          tls,
        });
      }
    })();
    const alone = scenarios.filter((s) => s.kind === "concurrency");
    const together = scenarios.filter((s) => s.kind !== "concurrency");
    await runWhenReady(
      together,
      settings.workers,
      (s) => s.prepare !== undefined,
      preparing,
      (s) => runOne(s, scenarios.indexOf(s)),
    );
    await preparing;
    for (const s of alone) await runOne(s, scenarios.indexOf(s));
  } catch (error) {
    if (error instanceof RunAborted) aborted ??= { kind: "user", message: error.message };
    else if (error instanceof TransportError) aborted ??= unreachable(error);
    else if (error instanceof TargetThrottled)
      aborted ??= {
        kind: "unreachable",
        message: `the target kept throttling before any scenario: ${error.message}`,
      };
    else throw error;
  }
  if (aborted === undefined && options.signal?.aborted === true)
    aborted = { kind: "user", message: "run aborted by the user" };
  options.signal?.removeEventListener("abort", onUserAbort);
  const quiet = client.unstoppable().withExchanges((e) => {
    sentinelLog.push(e);
    all?.push(e);
  });
  const sentinelChecks =
    sentinel === undefined ? [] : await checkSentinel(sentinel, quiet, profile, images).catch(() => []);
  const unjudged = scenarioExchanges.flatMap((exchanges, i) => {
    const judged = results[i]?.checks.some((c) => !c.ok && c.rule === "no 5xx (property 8)") === true;
    return judged ? [] : unexpectedServerErrors(exchanges);
  });
  options.onEvent?.({ type: "cleanup-start" });
  const cleanupLog: Exchange[] = [];
  let cleanup: CleanupResult;
  try {
    cleanup = await images.cleanup(
      client.unstoppable().withExchanges((e) => {
        cleanupLog.push(e);
        all?.push(e);
      }),
      cleanupDeadlineMs(timeoutMs),
    );
  } finally {
    agents.destroy();
  }
  const done = results.filter((r): r is ScenarioResult => r !== undefined && keep(r));
  return {
    runId,
    profile,
    target,
    rootDocument,
    startedAt,
    finishedAt: new Date().toISOString(),
    results: done.map((r) => withServerErrorNote(r, stats.requests, stats.serverErrors)),
    stats,
    cleanup,
    // Property 8 binds requests outside every scenario too: the cleanup's. (The root document is no operation
    // of the profile, and a preflight that cannot create or delete a scratch image ends the run as such.)
    // After a failed preflight (not an Image API, a rejected token) no scenario ran, and cleaning up what the
    // preflight left is no test of the target: a 5xx to it is said in the abort, not judged.
    breaches:
      preflightFailed === undefined
        ? [
            ...sentinelChecks,
            ...unjudged.map((c) => ({
              ...c,
              detail: `a 5xx no judged case accounts for (a case cut short, or a request after its scenario ended): ${c.detail}`,
            })),
            ...unexpectedServerErrors([...prepareLog, ...sentinelLog, ...cleanupLog]),
          ]
        : [],
    findings: images.findings(),
    ...(partialOf(settings, options.partial, sentinelMissing) === undefined
      ? {}
      : { partial: partialOf(settings, options.partial, sentinelMissing) }),
    ...(all === undefined ? {} : { exchanges: all }),
    ...(aborted === undefined ? {} : { aborted }),
  };
}
