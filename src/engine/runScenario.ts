import { performance } from "node:perf_hooks";
import { exampleTags } from "../../generators/exampleTags";
import type { Need, Scenario } from "./Scenario";
import type { Exchange } from "../http/Exchange";
import { RunAborted, TransportError } from "../http/errors";
import type { HttpClient } from "../http/HttpClient";
import type { Profile } from "../profile/Profile";
import { FixtureError } from "./FixtureError";
import type { Fixtures } from "./Fixtures";
import { Probe } from "./Probe";
import type { NotExercisedCause, ScenarioResult } from "./RunResult";
import type { RunSettings } from "./RunSettings";
import type { Target } from "./Target";

export interface ScenarioDeps {
  readonly profile: Profile;
  readonly target: Target;
  readonly client: HttpClient;
  readonly fixtures: Fixtures;
  /** The exchanges sent while this scenario runs are pushed here by the engine. */
  readonly exchanges: Exchange[];
  readonly settings: RunSettings;
  /** The command that reruns one scenario replaying a fast-check path. */
  readonly replayCommand: (scenarioId: string, path: string) => string;
  /** performance.now() when the run started: scenarios record when they ran, for the report's timeline. */
  readonly runStartedMs: number;
}

/** Why a scenario with these needs cannot run on this target, if it cannot. */
export function unmetNeed(
  needs: readonly Need[],
  target: Target,
): { reason: string; cause: NotExercisedCause } | undefined {
  if (needs.includes("alt-identity") && target.credentials.alt === undefined) {
    return {
      reason: "needs a second identity in another project: give --alt-token (or ITC_ALT_TOKEN)",
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

/**
 * Runs one scenario and turns what happened into data: pass when every check held, fail when one did not,
 * not-exercised (with the reason) when it could not run. Transport errors and Ctrl-C propagate: they end the run.
 */
export async function runScenario(scenario: Scenario, deps: ScenarioDeps): Promise<ScenarioResult> {
  const started = performance.now();
  const done = (
    r: Omit<ScenarioResult, "scenario" | "exchanges" | "durationMs" | "startedMs" | "requests" | "breaches">,
  ): ScenarioResult => ({
    scenario,
    exchanges: [...deps.exchanges],
    startedMs: Math.round(started - deps.runStartedMs),
    durationMs: Math.round(performance.now() - started),
    requests: deps.exchanges.length,
    breaches: [],
    ...r,
  });
  const unmet = unmetNeed(scenario.needs, deps.target);
  if (unmet !== undefined)
    return done({ outcome: "not-exercised", observed: "not run", checks: [], ...unmet });
  const tags = exampleTags(deps.profile);
  if ("problem" in tags)
    return done({
      outcome: "not-exercised",
      observed: "not run",
      checks: [],
      reason: tags.problem,
      cause: "setup-failed",
    });
  const probe = new Probe(deps.client, deps.fixtures, deps.profile);
  try {
    const ran = await scenario.run({
      scenarioId: scenario.id,
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
    });
    const observed = probe.observations.join("; ") || "no request";
    if (ran !== undefined && "notExercised" in ran) {
      return done({
        outcome: "not-exercised",
        observed,
        checks: probe.checks,
        reason: ran.notExercised,
        cause: "setup-failed",
      });
    }
    if (ran !== undefined) {
      const p = ran.property;
      const what = `${p.runs} cases${p.shrinks > 0 ? `, ${p.shrinks} shrinks` : ""}${p.deviations.length > 0 ? `, ${p.deviations.length} deviations accepted (--lenient)` : ""}`;
      return {
        ...done({
          outcome: ran.failed ? "fail" : "pass",
          observed: ran.failed
            ? `counterexample ${p.counterexample ?? "?"} after ${what}`
            : `held for ${what}`,
          checks: ran.checks,
          ...(ran.reason === undefined ? {} : { reason: ran.reason }),
        }),
        exchanges: ran.exchanges,
        property: p,
      };
    }
    const failed = probe.checks.filter((c) => !c.ok);
    if (probe.checks.length === 0)
      return done({
        outcome: "fail",
        observed,
        checks: [],
        reason: "the scenario made no check (a bug in the suite)",
      });
    return done({
      outcome: failed.length === 0 ? "pass" : "fail",
      observed,
      checks: probe.checks,
      ...(failed.length === 0 ? {} : { reason: failed.map((c) => `${c.rule}: ${c.detail}`).join("; ") }),
    });
  } catch (error) {
    if (error instanceof TransportError || error instanceof RunAborted) throw error;
    const observed = probe.observations.join("; ") || "not run";
    if (error instanceof FixtureError)
      return done({
        outcome: "not-exercised",
        observed,
        checks: probe.checks,
        reason: error.message,
        cause: "setup-failed",
      });
    const message = error instanceof Error ? error.message : String(error);
    return done({
      outcome: "fail",
      observed,
      checks: probe.checks,
      reason: `the scenario crashed: ${message}`,
    });
  }
}
