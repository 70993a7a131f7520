import fc from "fast-check";
import type { Exchange } from "../../http/Exchange";
import { RunAborted, TransportError } from "../../http/errors";
import { check, type Check } from "../checks/Check";
import { FixtureError } from "../FixtureError";
import { Probe } from "../Probe";
import { scenarioSeed } from "../RunSettings";
import type { ScenarioContext } from "../ScenarioContext";
import { curlOf } from "./curlOf";
import type { PropertyOutput } from "./PropertyOutput";

export interface CaseTools {
  readonly probe: Probe;
  /** Counts the case under a generator class (tag class, id class, token kind). */
  readonly classify: (name: string) => void;
  /** Something --lenient accepts, recorded in the report instead of failing. */
  readonly deviation: (text: string) => void;
}

interface CaseRecord {
  readonly checks: readonly Check[];
  readonly exchanges: readonly Exchange[];
  readonly reason?: string;
}

function isFatal(error: unknown): boolean {
  return error instanceof FixtureError || error instanceof TransportError || error instanceof RunAborted;
}

/**
 * Runs a property with fast-check's runner: each case gets its own probe, a case fails when any check fails or
 * any request of it got a 5xx (property 8 holds in every property), and a failure is shrunk and made replayable.
 * Setup failures, transport errors and Ctrl-C end the property and propagate to the engine.
 */
export async function runProperty<T>(
  ctx: ScenarioContext,
  arbitrary: fc.Arbitrary<T>,
  body: (value: T, tools: CaseTools) => Promise<void>,
  numRuns = ctx.settings.runs,
): Promise<PropertyOutput> {
  const seed = scenarioSeed(ctx.settings.seed, ctx.scenarioId);
  const classes: Record<string, number> = {};
  const deviations: string[] = [];
  let fatal: unknown;
  let failing: CaseRecord | undefined;
  let last: CaseRecord = { checks: [], exchanges: [] };
  const predicate = async (value: T): Promise<boolean> => {
    if (fatal !== undefined) return true;
    const mark = ctx.exchangeLog.length;
    const probe = new Probe(ctx.client, ctx.fixtures, ctx.profile);
    const caseDeviations: string[] = [];
    let crash: string | undefined;
    try {
      await body(value, {
        probe,
        classify: (name) => (classes[name] = (classes[name] ?? 0) + 1),
        deviation: (text) => caseDeviations.push(text),
      });
    } catch (error) {
      if (isFatal(error)) {
        fatal = error;
        return true;
      }
      if (error instanceof Error && error.name === "PreconditionFailure") throw error;
      crash = error instanceof Error ? error.message : String(error);
    }
    const exchanges = ctx.exchangeLog.slice(mark);
    const fives = exchanges.filter((e) => e.status >= 500);
    const checks = [...probe.checks];
    if (fives.length > 0)
      checks.push(
        check(
          "no 5xx (property 8)",
          false,
          fives.map((e) => `${e.method} ${e.path} → ${e.status}`).join("; "),
          "a conformant service answers every request without a server error",
        ),
      );
    const bad = checks.filter((c) => !c.ok);
    if (crash !== undefined || bad.length > 0) {
      failing = {
        checks,
        exchanges,
        reason: [crash, ...bad.map((c) => `${c.rule}: ${c.detail}`)]
          .filter((x) => x !== undefined)
          .join("; "),
      };
      return false;
    }
    deviations.push(...caseDeviations);
    last = { checks, exchanges };
    return true;
  };
  const replaying = ctx.settings.replayPath !== undefined && ctx.settings.only?.length === 1;
  const details = await fc.check(fc.asyncProperty(arbitrary, predicate), {
    seed,
    numRuns,
    ...(replaying ? { path: ctx.settings.replayPath } : {}),
    ...(ctx.settings.timeBudgetMs === undefined
      ? {}
      : { plugins: [fc.interruptAfterTimeLimit(ctx.settings.timeBudgetMs)] }),
  });
  if (fatal instanceof Error) throw fatal;
  const common = {
    seed,
    runs: details.numRuns,
    shrinks: details.numShrinks,
    interrupted: details.interrupted,
    classes,
    deviations: [...new Set(deviations)].slice(0, 20),
  };
  if (!details.failed)
    return { property: common, failed: false, checks: last.checks, exchanges: last.exchanges };
  const record = failing ?? { checks: [], exchanges: [], reason: String(details.errorInstance) };
  const path = details.counterexamplePath ?? "";
  const subject =
    [...record.exchanges].reverse().find((e) => e.operationId === ctx.profile.subject.operationId) ??
    record.exchanges[record.exchanges.length - 1];
  return {
    property: {
      ...common,
      counterexample: fc.stringify(details.counterexample),
      path,
      replay: ctx.replayCommand(path),
      ...(subject === undefined ? {} : { curl: curlOf(subject, ctx.target.baseUrl, ctx.profile.authHeader) }),
    },
    failed: true,
    ...(record.reason === undefined ? {} : { reason: record.reason }),
    checks: record.checks,
    exchanges: record.exchanges,
  };
}
