import { performance } from "node:perf_hooks";
import { exampleTags } from "../../generators/exampleTags";
import { GenerationExhausted } from "../../generators/boundedFilter";
import type { TlsFiles } from "../http/Agents";
import type { Exchange } from "../http/Exchange";
import { RunAborted, TargetThrottled, TransportError } from "../http/errors";
import type { HttpClient } from "../http/HttpClient";
import type { Profile } from "../profile/Profile";
import type { Check } from "./checks/Check";
import { FixtureError } from "./FixtureError";
import type { Fixtures } from "./Fixtures";
import { Probe } from "./Probe";
import { unexpectedServerErrors } from "./property/unexpectedServerErrors";
import type { PropertyOutput } from "./property/PropertyOutput";
import type { NotExercisedCause, ScenarioResult } from "./RunResult";
import type { RunSettings } from "./RunSettings";
import type { Need, Scenario } from "./Scenario";
import type { ScenarioContext } from "./ScenarioContext";
import type { ExampleTags } from "../../generators/exampleTags";
import type { Target } from "./Target";

export interface ScenarioDeps {
  readonly profile: Profile;
  readonly target: Target;
  /** The scenario's own view of the run's client: its exchanges go to `exchanges`. */
  readonly client: HttpClient;
  readonly fixtures: Fixtures;
  /** The exchanges sent while this scenario runs. */
  readonly exchanges: Exchange[];
  readonly settings: RunSettings;
  /** The command that reruns one scenario replaying a fast-check path. */
  readonly replayCommand: (scenarioId: string, path: string) => string;
  /** performance.now() when the run started: scenarios record when they ran, for the report's timeline. */
  readonly runStartedMs: number;
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number;
  readonly tls: TlsFiles;
}

/** Why a scenario with these needs cannot run on this target, if it cannot. */
export function unmetNeed(
  needs: readonly Need[],
  target: Target,
): { reason: string; cause: NotExercisedCause } | undefined {
  if (needs.includes("alt-identity") && target.credentials.alt === undefined) {
    return {
      // The input that gives one depends on how the owner authenticated: through Keystone, or with a token.
      reason:
        target.keystoneUrl === undefined
          ? "needs a second identity in another project: give --alt-token (or ITC_ALT_TOKEN)"
          : "needs a second identity in another project: give --alt-os-cloud (or the other --alt-os-* options)",
      cause: "needs-input",
    };
  }
  if (needs.includes("fault-injection") && target.faults === undefined) {
    return {
      reason: "a live target cannot be made to fail on demand; only the embedded reference injects faults",
      cause: "untriggerable",
    };
  }
  return undefined;
}

const failures = (checks: readonly Check[]): string =>
  checks
    .filter((c) => !c.ok)
    .map((c) => `${c.rule}: ${c.detail}`)
    .join("; ");

/** What a scenario's run (or its preparation) gets. */
function contextOf(scenario: Scenario, deps: ScenarioDeps, tags: ExampleTags, probe: Probe): ScenarioContext {
  return {
    scenarioId: scenario.id,
    tier: scenario.tier,
    profile: deps.profile,
    tags,
    fixtures: deps.fixtures,
    probe,
    client: deps.client,
    target: deps.target,
    settings: deps.settings,
    exchangeLog: deps.exchanges,
    replayCommand: (path) => deps.replayCommand(scenario.id, path),
    faults: deps.target.faults,
    signal: deps.signal,
    timeoutMs: deps.timeoutMs,
    tls: deps.tls,
  };
}

/**
 * Runs a scenario's preparation (a run-wide plan it shares with others), before any scenario runs: work that
 * holds the CPU then never delays the answers of requests in flight. A preparation that fails is left to the
 * scenario's run, which meets the same failure and reports it.
 */
export async function prepareScenario(scenario: Scenario, deps: ScenarioDeps): Promise<void> {
  const tags = exampleTags(deps.profile, deps.settings.seed);
  if (
    scenario.prepare === undefined ||
    "problem" in tags ||
    unmetNeed(scenario.needs, deps.target) !== undefined
  )
    return;
  await scenario
    .prepare(contextOf(scenario, deps, tags, new Probe(deps.client, deps.fixtures, deps.profile)))
    .catch(() => undefined);
}

/** One scenario's result, and the transport failure that ended it (and so the run), if one did. */
export interface ScenarioRun {
  readonly result?: ScenarioResult;
  readonly stoppedBy?: TransportError;
}

/** Why a scenario stopped, in words for its reason. */
function stopWords(error: Error): string {
  if (error instanceof RunAborted) return "then the run was stopped (Ctrl-C, or the target was found gone)";
  if (error instanceof TargetThrottled) return `then the target kept throttling: ${error.message}`;
  if (error instanceof TransportError) return `then the target became unreachable: ${error.message}`;
  if (error instanceof GenerationExhausted) return `then no more cases could be generated: ${error.message}`;
  return `then the suite erred (a bug of ours): ${error.message}`;
}

/**
 * Runs one scenario and turns what happened into data: pass when every check held, fail when one did not,
 * not-exercised (with the cause) when it could not run or was cut short. A transport failure ends the run: it
 * is passed on beside the result. Ctrl-C, a throttling target or a bug of the suite's own never fail the
 * target, nor undo a failure the target showed before them.
 */
export async function runScenario(scenario: Scenario, deps: ScenarioDeps): Promise<ScenarioRun> {
  try {
    return { result: await runOnce(scenario, deps) };
  } catch (error) {
    if (error instanceof StoppedAfterFailure) return { result: error.result, stoppedBy: error.stop };
    if (error instanceof TransportError) return { stoppedBy: error };
    throw error;
  }
}

/** Carries a failure out of runOnce together with the transport failure that followed it. */
class StoppedAfterFailure extends Error {
  constructor(
    readonly result: ScenarioResult,
    readonly stop: TransportError,
  ) {
    super(stop.message);
  }
}

async function runOnce(scenario: Scenario, deps: ScenarioDeps): Promise<ScenarioResult> {
  const started = performance.now();
  const nonCore = scenario.tier !== "core";
  const done = (
    r: Omit<ScenarioResult, "scenario" | "exchanges" | "durationMs" | "startedMs" | "requests" | "breaches">,
    evidence?: { exchanges: readonly Exchange[]; breaches: readonly Check[] },
  ): ScenarioResult => ({
    scenario,
    exchanges: evidence?.exchanges ?? [...deps.exchanges],
    startedMs: Math.round(started - deps.runStartedMs),
    durationMs: Math.round(performance.now() - started),
    requests: deps.exchanges.length,
    breaches: nonCore ? (evidence?.breaches ?? r.checks.filter((c) => !c.ok && c.core === true)) : [],
    ...r,
  });
  const notExercised = (
    reason: string,
    cause: NotExercisedCause,
    observed = "not run",
    checks: readonly Check[] = [],
  ) => done({ outcome: "not-exercised", observed, checks, reason, cause });
  const unmet = unmetNeed(scenario.needs, deps.target);
  if (unmet !== undefined) return notExercised(unmet.reason, unmet.cause);
  const tags = exampleTags(deps.profile, deps.settings.seed);
  if ("problem" in tags) return notExercised(tags.problem, "setup-failed");
  const probe = new Probe(deps.client, deps.fixtures, deps.profile);
  const observed = (): string => probe.observations.join("; ") || "no request";
  const propertyResult = (ran: PropertyOutput): ScenarioResult => {
    const p = ran.property;
    const what = `${p.runs === p.planned ? `${p.runs} cases` : `${p.runs} of ${p.planned} cases`}${p.shrinks > 0 ? `, ${p.shrinks} shrinks${p.shrinkStopped === true ? " (shrinking stopped at its budget)" : ""}` : ""}${p.deviations.length > 0 ? `, ${p.deviations.length} deviations accepted (--lenient)` : ""}`;
    const cut = p.interrupted
      ? `interrupted (--time-budget) after ${p.runs} of ${p.planned} cases`
      : undefined;
    return done(
      {
        outcome: ran.failed ? "fail" : "pass",
        observed: ran.failed
          ? `counterexample ${p.counterexample ?? "?"} after ${what}`
          : (cut ?? `held for ${what}`),
        checks: ran.checks,
        ...(ran.reason === undefined ? (cut === undefined ? {} : { reason: cut }) : { reason: ran.reason }),
        property: p,
      },
      { exchanges: ran.exchanges, breaches: ran.breaches },
    );
  };
  try {
    const ran = await scenario.run(contextOf(scenario, deps, tags, probe));
    if (ran !== undefined && "notExercised" in ran)
      return notExercised(ran.notExercised, ran.cause ?? "setup-failed", observed(), probe.checks);
    if (ran !== undefined) {
      const stop = ran.stoppedBy;
      const result = propertyResult(
        stop === undefined
          ? ran
          : { ...ran, reason: [ran.reason, stopWords(stop)].filter(Boolean).join("; ") },
      );
      if (stop instanceof TransportError) throw new StoppedAfterFailure(result, stop);
      return result;
    }
    if (probe.checks.length === 0)
      return notExercised("the scenario made no check (a bug in the suite)", "suite-error", observed());
    // Property 8 holds in every scenario: no request of it got a 5xx it did not ask for.
    const checks = [...probe.checks, ...unexpectedServerErrors(deps.exchanges)];
    const failed = checks.filter((c) => !c.ok);
    return done({
      outcome: failed.length === 0 ? "pass" : "fail",
      observed: observed(),
      checks,
      ...(failed.length === 0 ? {} : { reason: failures(checks) }),
    });
  } catch (error) {
    if (error instanceof StoppedAfterFailure) throw error;
    probe.chargeAfterSubject(error);
    // What the target did before the scenario stopped stands when it decides the verdict: a failed check of a
    // core scenario, a failed check of a rule that binds every tier (an unasked-for 5xx among them) in any tier.
    // A mere deviation of a flagged or extended scenario does not: its remaining steps did not run.
    const checks = [...probe.checks, ...unexpectedServerErrors(deps.exchanges)];
    if (checks.some((c) => !c.ok && (!nonCore || c.core === true))) {
      const stop =
        error instanceof FixtureError ? undefined : error instanceof Error ? error : new Error(String(error));
      const result = done({
        outcome: "fail",
        observed: observed(),
        checks,
        reason: [failures(checks), ...(stop === undefined ? [] : [stopWords(stop)])].join("; "),
      });
      if (error instanceof TransportError) throw new StoppedAfterFailure(result, error);
      return result;
    }
    if (error instanceof TransportError) throw error;
    if (error instanceof RunAborted)
      return notExercised(
        "interrupted: the run was stopped (Ctrl-C, or the target was found gone) while it ran",
        "interrupted",
        observed(),
        checks,
      );
    if (error instanceof TargetThrottled)
      return notExercised(`the target kept throttling: ${error.message}`, "throttled", observed(), checks);
    if (error instanceof GenerationExhausted)
      return notExercised(`cannot generate cases: ${error.message}`, "setup-failed", observed(), checks);
    // Before the subject request the scenario could not run.
    if (error instanceof FixtureError) return notExercised(error.message, "setup-failed", observed(), checks);
    const message = error instanceof Error ? error.message : String(error);
    return notExercised(
      `the suite erred (a bug of ours, not the target's): ${message}`,
      "suite-error",
      observed(),
      checks,
    );
  }
}
