import fc from "fast-check";
import { GenerationExhausted } from "../../../generators/boundedFilter";
import type { Exchange } from "../../http/Exchange";
import type { Check } from "../checks/Check";
import { Probe } from "../Probe";
import { scenarioSeed } from "../RunSettings";
import type { NotExercised, ScenarioContext } from "../ScenarioContext";
import { curlOf } from "./curlOf";
import type { PropertyOutput } from "./PropertyOutput";
import { unexpectedServerErrors } from "./unexpectedServerErrors";

export interface CaseTools {
  readonly probe: Probe;
  /** Counts the case under a generator class (tag class, id class, token kind). */
  readonly classify: (name: string) => void;
  /** Something --lenient accepts, recorded in the report instead of failing. */
  readonly deviation: (text: string) => void;
}

/** Thrown by a case that stops at its first failed check (the model does, to shrink to the shortest sequence). */
export class CaseFailed extends Error {
  override readonly name = "CaseFailed";
}

export interface PropertyOptions<T> {
  /** Cases to run (default --runs); never fewer than the balanced classes. */
  readonly numRuns?: number;
  /** One arbitrary per generator class: a case of each runs first, so every class appears even at low --runs. */
  readonly balance?: readonly fc.Arbitrary<T>[];
}

interface CaseRecord {
  readonly checks: readonly Check[];
  readonly exchanges: readonly Exchange[];
  readonly reason?: string;
}

/** One sample of each class arbitrary (those that cannot generate are left out). */
function balancedExamples<T>(balance: readonly fc.Arbitrary<T>[], seed: number): T[] {
  return balance.flatMap((arb, i) => {
    try {
      return fc.sample(arb, { seed: seed + i, numRuns: 1 });
    } catch (error) {
      if (error instanceof GenerationExhausted) return [];
      throw error;
    }
  });
}

/**
 * Runs a property with fast-check's runner. Each case gets its own probe; a case fails when any check fails or
 * any request of it got an unexpected 5xx (property 8 holds in every property). A failure after the subject
 * request is the target's (a failed check), before it the setup's (the property is not exercised).
 *
 * Core tier: the first failing case is shrunk. Flagged and extended tiers: every case runs, since a deviation
 * the tier reports (a flagged rule, a finding) must not hide a later case that breaks a rule of every tier
 * (core checks); only such a breach is shrunk, and the smallest reported deviation is kept with its path.
 * Shrinking stops after as many cases as the property ran (the report says so), so a failing run ends no later
 * than a passing one. Ctrl-C or a time limit is never a failure: 0 cases is not exercised.
 */
export async function runProperty<T>(
  ctx: ScenarioContext,
  arbitrary: fc.Arbitrary<T>,
  body: (value: T, tools: CaseTools) => Promise<void>,
  options: PropertyOptions<T> = {},
): Promise<PropertyOutput | NotExercised> {
  const seed = scenarioSeed(ctx.settings.seed, ctx.scenarioId);
  const explore = ctx.tier !== "core";
  const classes: Record<string, number> = {};
  const deviations: string[] = [];
  let fatal: unknown;
  let failing: CaseRecord | undefined;
  let reported: (CaseRecord & { readonly value: string; readonly index: number }) | undefined;
  let last: CaseRecord = { checks: [], exchanges: [] };
  let index = 0;
  // Updated from inside the predicate: an object, so that the compiler does not take them for constants.
  const shrinking = { cases: 0, stopped: false };
  let examples: T[];
  try {
    examples = options.balance === undefined ? [] : balancedExamples(options.balance, seed);
  } catch (error) {
    return {
      notExercised: `cannot generate cases: ${error instanceof Error ? error.message : String(error)}`,
      cause: "setup-failed",
    };
  }
  const planned = Math.max(options.numRuns ?? ctx.settings.runs, examples.length);
  const predicate = async (value: T): Promise<boolean> => {
    if (fatal !== undefined) return true;
    if (failing !== undefined && ++shrinking.cases > planned) {
      shrinking.stopped = true;
      return true;
    }
    const caseIndex = failing === undefined ? index++ : -1;
    const mark = ctx.exchangeLog.length;
    const probe = new Probe(ctx.client, ctx.fixtures, ctx.profile);
    const caseDeviations: string[] = [];
    let stopped: string | undefined;
    try {
      await body(value, {
        probe,
        classify: (name) => (classes[name] = (classes[name] ?? 0) + 1),
        deviation: (text) => caseDeviations.push(text),
      });
    } catch (error) {
      if (error instanceof Error && error.name === "PreconditionFailure") throw error;
      if (error instanceof CaseFailed) stopped = error.message;
      // Ctrl-C, the target gone or throttling, a setup step that failed before the subject request: no case runs
      // after this one, but what this case saw before the stop is judged below all the same.
      else if (!probe.chargeAfterSubject(error)) fatal = error;
    }
    const exchanges = ctx.exchangeLog.slice(mark);
    const checks = [...probe.checks, ...unexpectedServerErrors(exchanges)];
    const bad = checks.filter((c) => !c.ok);
    const record: CaseRecord = {
      checks,
      exchanges,
      reason: [stopped, ...bad.map((c) => `${c.rule}: ${c.detail}`)]
        .filter((x) => x !== undefined)
        .join("; "),
    };
    const breaks = explore ? bad.some((c) => c.core === true) : bad.length > 0 || stopped !== undefined;
    if (breaks) {
      failing = record;
      return false;
    }
    if (fatal !== undefined) return true;
    if (explore && (bad.length > 0 || stopped !== undefined) && caseIndex >= 0) {
      const shown = fc.stringify(value);
      if (reported === undefined || shown.length < reported.value.length)
        reported = { ...record, value: shown, index: caseIndex };
    }
    deviations.push(...caseDeviations);
    last = record;
    return true;
  };
  const replaying = ctx.settings.replayPath !== undefined && ctx.settings.only?.length === 1;
  let details: fc.RunDetails<[T]>;
  try {
    details = (await fc.check(fc.asyncProperty(arbitrary, predicate), {
      seed,
      numRuns: planned,
      examples: examples.map((e) => [e] as [T]),
      ...(replaying ? { path: ctx.settings.replayPath } : {}),
      ...(ctx.settings.timeBudgetMs === undefined
        ? {}
        : { plugins: [fc.interruptAfterTimeLimit(ctx.settings.timeBudgetMs)] }),
    })) as fc.RunDetails<[T]>;
  } catch (error) {
    if (error instanceof GenerationExhausted)
      return { notExercised: `cannot generate cases: ${error.message}`, cause: "setup-failed" };
    throw error;
  }
  const failure = failing ?? reported;
  // A failure that decides the verdict, found before the run was stopped, stands: the target did it. A stop
  // after a mere deviation (a flagged rule, a finding) leaves the scenario not exercised: its other cases, which
  // might break a rule of every tier, did not run.
  if (failing === undefined && fatal instanceof GenerationExhausted)
    return { notExercised: `cannot generate cases: ${fatal.message}`, cause: "setup-failed" };
  if (failing === undefined && fatal instanceof Error) throw fatal;
  if (fatal !== undefined && !(fatal instanceof Error))
    throw new Error(`a case threw a non-Error (${typeof fatal})`);
  const common = {
    seed,
    runs: details.numRuns,
    planned,
    shrinks: details.numShrinks,
    interrupted: details.interrupted,
    ...(shrinking.stopped ? { shrinkStopped: true } : {}),
    classes,
    deviations: [...new Set(deviations)].slice(0, 20),
  };
  if (failure === undefined) {
    // fast-check reports an interrupted run with no case as failed, without a counterexample: that is no failure.
    if (details.interrupted && details.numRuns === 0)
      return { notExercised: "interrupted (--time-budget) before the first case ran", cause: "interrupted" };
    if (details.failed)
      throw new Error(`fast-check failed without a failing case: ${String(details.errorInstance)}`);
    return { property: common, failed: false, checks: last.checks, exchanges: last.exchanges, breaches: [] };
  }
  const path = failing !== undefined ? (details.counterexamplePath ?? "") : String(reported?.index ?? 0);
  const counterexample =
    failing !== undefined
      ? details.counterexample === null
        ? undefined
        : fc.stringify(details.counterexample[0])
      : reported?.value;
  const subject =
    [...failure.exchanges].reverse().find((e) => e.operationId === ctx.profile.subject.operationId) ??
    failure.exchanges[failure.exchanges.length - 1];
  return {
    property: {
      ...common,
      ...(counterexample === undefined ? {} : { counterexample }),
      path,
      replay: ctx.replayCommand(path),
      ...(subject === undefined ? {} : { curl: curlOf(subject, ctx.target.baseUrl, ctx.profile.authHeader) }),
    },
    failed: true,
    ...(failure.reason === undefined || failure.reason === "" ? {} : { reason: failure.reason }),
    checks: failure.checks,
    exchanges: failure.exchanges,
    breaches: explore && failing !== undefined ? failing.checks.filter((c) => !c.ok && c.core === true) : [],
    ...(fatal instanceof Error ? { stoppedBy: fatal } : {}),
  };
}
