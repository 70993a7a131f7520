import { runSuite } from "../engine/runSuite";
import type { RunResult } from "../engine/RunResult";
import type { RunSettings } from "../engine/RunSettings";
import { startEmbeddedTarget } from "../engine/startEmbeddedTarget";
import type { Verdict } from "../engine/verdict";
import { verdictOf } from "../engine/verdictOf";
import type { Profile } from "../profile/Profile";
import { defaultBehaviour } from "../reference/defaultBehaviour";
import type { Mutant } from "./Mutant";

export interface MutantScore {
  readonly mutant: Mutant;
  readonly caught: boolean;
  readonly failingRows: readonly number[];
  readonly failingScenarios: readonly string[];
  /** Declared rows or scenarios that did not fail. */
  readonly missing: readonly string[];
}

export interface FaithfulCheck {
  readonly verdict: Verdict;
  readonly failingScenarios: readonly string[];
}

function failures(run: RunResult): { rows: number[]; scenarios: string[] } {
  const failed = run.results.filter((r) => r.outcome === "fail");
  return {
    rows: [...new Set(failed.filter((r) => r.scenario.tier === "core").map((r) => r.scenario.status))].sort(
      (a, b) => a - b,
    ),
    scenarios: failed.map((r) => r.scenario.id),
  };
}

async function runAgainst(
  profile: Profile,
  settings: RunSettings,
  mutant: Mutant | undefined,
): Promise<RunResult> {
  const embedded = await startEmbeddedTarget(
    profile,
    mutant === undefined ? defaultBehaviour : mutant.apply(defaultBehaviour),
  );
  try {
    return await runSuite({
      profile,
      target: embedded.target,
      runId: `mutant-${mutant?.name ?? "faithful"}`,
      settings,
    });
  } finally {
    await embedded.close();
  }
}

/** The faithful reference must be conformant: a suite that fails a faithful server is worse than none. */
export async function checkFaithful(profile: Profile, settings: RunSettings): Promise<FaithfulCheck> {
  const run = await runAgainst(profile, settings, undefined);
  return { verdict: verdictOf(run), failingScenarios: failures(run).scenarios };
}

/** A mutant is caught when every row and scenario it declares fails against it. */
export async function scoreMutant(
  profile: Profile,
  settings: RunSettings,
  mutant: Mutant,
): Promise<MutantScore> {
  const { rows, scenarios } = failures(await runAgainst(profile, settings, mutant));
  const missing = [
    ...mutant.rows.filter((r) => !rows.includes(r)).map(String),
    ...mutant.scenarios.filter((s) => !scenarios.includes(s)),
  ];
  return { mutant, caught: missing.length === 0, failingRows: rows, failingScenarios: scenarios, missing };
}
