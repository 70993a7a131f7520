import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { suiteScenarios } from "../../suites";
import type { Scenario } from "./Scenario";
import type { Exchange } from "../http/Exchange";
import { RunAborted, TransportError } from "../http/errors";
import { expandPath } from "../http/expandPath";
import { HttpClient } from "../http/HttpClient";
import { emptyStats } from "../http/HttpStats";
import type { Profile } from "../profile/Profile";
import { Fixtures, type CleanupResult } from "./Fixtures";
import type { RunEvent, RunResult, ScenarioResult } from "./RunResult";
import { redactorFor } from "./redactorFor";
import { runScenario } from "./runScenario";
import { defaultRunSettings, type RunSettings } from "./RunSettings";
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
  /** The command that reruns one scenario replaying a fast-check path (the CLI knows its own options). */
  readonly replayCommand?: (scenarioId: string, path: string) => string;
  readonly onEvent?: (event: RunEvent) => void;
}

/** Before any scenario: the target answers, and it accepts each token (a 401 here is the user's configuration). */
async function preflight(client: HttpClient, profile: Profile, hasAlt: boolean): Promise<string | undefined> {
  const show = profile.fixtures.get("showImage");
  if (show === undefined) return undefined;
  for (const as of hasAlt ? (["owner", "alt"] as const) : (["owner"] as const)) {
    const res = await client.send({
      operationId: "preflight",
      method: "GET",
      path: expandPath(show.pathTemplate, { image_id: randomUUID() }),
      as,
    });
    if (res.status === 401)
      return `the target answered 401 to the ${as} token: check ${as === "owner" ? "--token / ITC_TOKEN" : "--alt-token / ITC_ALT_TOKEN"}`;
  }
  return undefined;
}

/** The target's root document (GET /, no token): the version list an OpenStack service serves there. */
async function versionDocument(client: HttpClient): Promise<unknown> {
  const res = await client.send({ operationId: "versions", method: "GET", path: "/", as: "anonymous" });
  try {
    return JSON.parse(res.text) as unknown;
  } catch {
    return { status: res.status, text: res.text.slice(0, 500) };
  }
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

/** Runs the scenarios that apply to the profile against the target, then deletes every scratch image it created. */
export async function runSuite(options: RunOptions): Promise<RunResult> {
  const { profile, target, runId } = options;
  const startedAt = new Date().toISOString();
  const runStartedMs = performance.now();
  const stats = emptyStats();
  let current: Exchange[] = [];
  const redactor = redactorFor(target);
  const client = new HttpClient({
    baseUrl: target.baseUrl,
    authHeader: profile.authHeader,
    credentials: target.credentials,
    redactor,
    beforeSend: async () => {
      for (const token of (await target.refresh?.()) ?? []) redactor.add(token);
    },
    stats,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    onExchange: (e) => current.push(e),
    origin: runStartedMs,
    ...(options.rate === undefined || options.rate <= 0 ? {} : { minIntervalMs: 1000 / options.rate }),
  });
  const fixtures = new Fixtures(client, profile, runId, target.altProjectId);
  const settings = options.settings ?? defaultRunSettings;
  const only = settings.only;
  const scenarios = (options.scenarios ?? suiteScenarios(profile)).filter(
    (s) => s.appliesTo(profile) && (only === undefined || only.includes(s.id)),
  );
  const replayCommand =
    options.replayCommand ??
    ((id: string, path: string) =>
      `image-tag-conformance run --only ${id} --seed ${settings.seed} --replay-path ${path}`);
  const results: ScenarioResult[] = [];
  let aborted: RunResult["aborted"];
  let cleanup: CleanupResult = { created: 0, deleted: 0, leftBehind: [] };
  let rootDocument: unknown = null;
  try {
    rootDocument = await versionDocument(client);
    const rejected = await preflight(client, profile, target.credentials.alt !== undefined);
    if (rejected !== undefined) aborted = { kind: "token-rejected", message: rejected };
    for (const [index, scenario] of scenarios.entries()) {
      if (aborted !== undefined) break;
      options.onEvent?.({ type: "scenario-start", index, total: scenarios.length, scenario });
      current = [];
      const result = await runScenario(scenario, {
        profile,
        target,
        client,
        fixtures,
        exchanges: current,
        settings,
        replayCommand,
        runStartedMs,
      });
      results.push(result);
      options.onEvent?.({ type: "scenario-end", index, total: scenarios.length, result });
    }
  } catch (error) {
    if (error instanceof RunAborted) aborted = { kind: "user", message: error.message };
    else if (error instanceof TransportError)
      aborted = { kind: "unreachable", message: `target unreachable: ${error.message}` };
    else throw error;
  } finally {
    options.onEvent?.({ type: "cleanup-start" });
    cleanup = await fixtures.cleanup(client.unstoppable());
  }
  return {
    runId,
    profile,
    target,
    rootDocument,
    startedAt,
    finishedAt: new Date().toISOString(),
    results: results.map((r) => withServerErrorNote(r, stats.requests, stats.serverErrors)),
    stats,
    cleanup,
    breaches: [],
    findings: [],
    ...(settings.only === undefined ? {} : { partial: `only ${settings.only.join(", ")} (--only)` }),
    ...(aborted === undefined ? {} : { aborted }),
  };
}
