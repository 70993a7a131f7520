import { contractScenarios } from "../../contracts/verify/contractScenarios";
import { suiteScenarios } from "../../suites";
import { runSuite } from "../engine/runSuite";
import type { RunResult } from "../engine/RunResult";
import type { RunSettings } from "../engine/RunSettings";
import { startEmbeddedTarget } from "../reference/startEmbeddedTarget";
import type { Verdict } from "../engine/verdict";
import { verdictOf } from "../engine/verdictOf";
import type { Profile } from "../profile/Profile";
import { defaultBehaviour } from "../reference/defaultBehaviour";
import type { ReferenceBehaviour } from "../reference/RefExchange";
import type { Mutant } from "./Mutant";

export interface MutantScore {
  readonly mutant: Mutant;
  /** non-conformant mutants: the verdict was non-conformant; finding mutants: their scenarios reported a finding. */
  readonly caught: boolean;
  readonly verdict: Verdict;
  readonly failingRows: readonly number[];
  readonly failingScenarios: readonly string[];
  /** Declared rows or scenarios that did not fail. */
  readonly missing: readonly string[];
  readonly requests: number;
  readonly durationMs: number;
}

export interface FaithfulCheck {
  readonly verdict: Verdict;
  readonly failingScenarios: readonly string[];
}

function failures(run: RunResult): { rows: number[]; scenarios: string[] } {
  const failed = run.results.filter((r) => r.outcome === "fail" || r.breaches.length > 0);
  const deciding = failed.filter((r) => r.scenario.tier === "core" || r.breaches.length > 0);
  return {
    rows: [...new Set(deciding.map((r) => r.scenario.status))].sort((a, b) => a - b),
    scenarios: failed.map((r) => r.scenario.id),
  };
}

/** The whole suite, Pact contracts included, against the reference with this behaviour. */
export async function runAgainstReference(
  profile: Profile,
  settings: RunSettings,
  behaviour: ReferenceBehaviour,
  runId: string,
): Promise<RunResult> {
  const embedded = await startEmbeddedTarget(profile, behaviour);
  try {
    return await runSuite({
      profile,
      target: embedded.target,
      runId,
      settings,
      scenarios: [...suiteScenarios(profile), ...contractScenarios(profile)],
    });
  } finally {
    await embedded.close();
  }
}

/** The whole suite against the reference, faithful or with one defect. */
function runAgainst(profile: Profile, settings: RunSettings, mutant: Mutant | undefined): Promise<RunResult> {
  return runAgainstReference(
    profile,
    settings,
    mutant === undefined ? defaultBehaviour : mutant.apply(defaultBehaviour),
    `mutant-${mutant?.name ?? "faithful"}`,
  );
}

/** The faithful reference must be conformant: a suite that fails a faithful server is worse than none. */
export async function checkFaithful(profile: Profile, settings: RunSettings): Promise<FaithfulCheck> {
  const run = await runAgainst(profile, settings, undefined);
  return { verdict: verdictOf(run), failingScenarios: failures(run).scenarios };
}

/**
 * A mutant is caught when the verdict against it is non-conformant (a finding mutant: when its declared
 * scenarios report a finding). missing lists the declared rows and scenarios that did not fail.
 */
export async function scoreMutant(
  profile: Profile,
  settings: RunSettings,
  mutant: Mutant,
): Promise<MutantScore> {
  const run = await runAgainst(profile, settings, mutant);
  const verdict = verdictOf(run);
  const { rows, scenarios } = failures(run);
  const missing = [
    ...mutant.rows.filter((r) => !rows.includes(r)).map(String),
    ...mutant.scenarios.filter((s) => !scenarios.includes(s)),
  ];
  const caught =
    (mutant.expects ?? "non-conformant") === "non-conformant"
      ? verdict === "non-conformant"
      : mutant.scenarios.every((s) => scenarios.includes(s));
  return {
    mutant,
    caught,
    verdict,
    failingRows: rows,
    failingScenarios: scenarios,
    missing,
    requests: run.stats.requests,
    durationMs: Date.parse(run.finishedAt) - Date.parse(run.startedAt),
  };
}
