import { performance } from "node:perf_hooks";
import fc from "fast-check";
import { GenerationExhausted } from "../../../generators/boundedFilter";
import { Probe } from "../Probe";
import { scenarioSeed } from "../RunSettings";
import type { NotExercised, ScenarioContext } from "../ScenarioContext";
import { CaseRecorder, type CaseTools } from "./CaseRecorder";
import type { PropertyOutput } from "./PropertyOutput";

export type { CaseTools } from "./CaseRecorder";

/** Thrown by a case that stops at its first failed check (the model does, to shrink to the shortest sequence). */
export class CaseFailed extends Error {
  override readonly name = "CaseFailed";
}

export interface PropertyOptions<T> {
  /** Random cases after the examples (default --runs). */
  readonly numRuns?: number;
  /**
   * Cases run first, in order (the coverage phase): plain values of the arbitrary, so that one that fails
   * shrinks like a random one.
   */
  readonly examples?: readonly T[];
  /** Levels of the input space the target would not let the suite use, with why (reported with the coverage). */
  readonly unavailable?: Readonly<Record<string, string>>;
  /** The requests the examples were planned to cost. */
  readonly plannedRequests?: number;
  /** How a counterexample is shown (default fast-check's own rendering of the value). */
  readonly show?: (value: T) => string;
}

/**
 * Runs a property with fast-check's runner: its examples first (the coverage phase), then random cases. Each
 * case gets its own probe and always runs to its end and is judged (Ctrl-C aside, which aborts its requests):
 * a time budget (--time-budget) only keeps the next case from starting. A case fails when any check fails or
 * any request of it got an unexpected 5xx (property 8 holds in every property). A failure after the subject
 * request is the target's (a failed check), before it the setup's (the property is not exercised).
 *
 * Core tier: the first failing case is shrunk. Flagged and extended tiers: every case runs, since a deviation
 * the tier reports (a flagged rule, a finding) must not hide a later case that breaks a rule of every tier;
 * only such a breach is shrunk, and the smallest reported deviation is kept with its path. Shrinking stops after
 * as many cases as the property ran (the report says so), so a failing run ends no later than a passing one.
 */
export async function runProperty<T>(
  ctx: ScenarioContext,
  arbitrary: fc.Arbitrary<T>,
  body: (value: T, tools: CaseTools) => Promise<void>,
  options: PropertyOptions<T> = {},
): Promise<PropertyOutput | NotExercised> {
  const seed = scenarioSeed(ctx.settings.seed, ctx.scenarioId);
  const examples = [...(options.examples ?? [])];
  const planned = examples.length + (options.numRuns ?? ctx.settings.runs);
  const budget = ctx.settings.timeBudgetMs;
  const recorder = new CaseRecorder(
    ctx,
    planned,
    budget === undefined ? undefined : performance.now() + budget,
    {
      examples: examples.length,
      ...(options.unavailable === undefined ? {} : { unavailable: options.unavailable }),
      ...(options.plannedRequests === undefined ? {} : { plannedRequests: options.plannedRequests }),
      show: (v) => (options.show === undefined ? fc.stringify(v) : options.show(v as T)),
    },
  );
  const predicate = async (value: T): Promise<boolean> => {
    if (!recorder.startCase()) return true;
    const probe = new Probe(ctx.client, ctx.fixtures, ctx.profile);
    const mark = ctx.exchangeLog.length;
    let error: unknown;
    try {
      await body(value, recorder.tools(probe));
    } catch (e) {
      if (e instanceof Error && e.name === "PreconditionFailure") throw e;
      error = e;
    }
    return recorder.endCase(value, probe, ctx.exchangeLog.slice(mark), error);
  };
  const replaying = ctx.settings.replayPath !== undefined && ctx.settings.only?.length === 1;
  let details: fc.RunDetails<[T]>;
  try {
    details = await fc.check<[T]>(fc.asyncProperty(arbitrary, predicate), {
      seed,
      numRuns: planned,
      examples: examples.map((e): [T] => [e]),
      ...(replaying ? { path: ctx.settings.replayPath } : {}),
    });
  } catch (error) {
    if (error instanceof GenerationExhausted)
      return { notExercised: `cannot generate cases: ${error.message}`, cause: "setup-failed" };
    throw error;
  }
  return recorder.output(details, seed);
}
