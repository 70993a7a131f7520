import { inputSpace } from "../../generators/space/inputSpace";
import { judgeDomains, judgeIds, type JudgeDomain } from "../../generators/space/plan/judges";
import { planCoverage, type CoveragePlan } from "../../generators/space/plan/planCoverage";
import type { Profile } from "../../src/profile/Profile";
import type { ScenarioContext } from "../../src/engine/ScenarioContext";
import { capabilities } from "./capabilities";

/** The judges the profile has a scenario for: its status documented, and tags outside the schema to send. */
export function judgesFor(profile: Profile): JudgeDomain[] {
  const space = inputSpace(profile);
  const invalidLevels = space.dimensions.some((d) =>
    d.levels.some((l) => l.sides !== undefined && l.sides.includes("invalid")),
  );
  return judgeIds
    .map((id) => judgeDomains[id])
    .filter(
      (j) => profile.documentedStatuses.includes(j.status) && (j.id !== "invalid-tag" || invalidLevels),
    );
}

/**
 * The run's coverage phase, planned once for every judge of the profile (whatever --only selects, so that a
 * replay finds the same cases): the target's capabilities first, then the plan, deterministic for the seed.
 */
export function coveragePlan(ctx: ScenarioContext): Promise<CoveragePlan> {
  return ctx.fixtures.memo("coverage-plan", async () => {
    const unavailable = await capabilities(ctx);
    // The plan depends on these alone: runs of one process (the mutants, the tests) share it.
    const key = [ctx.settings.seed, ...[...unavailable.keys()].sort()].join(" ");
    let byKey = plans.get(ctx.profile);
    if (byKey === undefined) plans.set(ctx.profile, (byKey = new Map<string, Promise<CoveragePlan>>()));
    let plan = byKey.get(key);
    if (plan === undefined) {
      plan = planCoverage({
        space: inputSpace(ctx.profile),
        judges: judgesFor(ctx.profile),
        unavailable,
        seed: ctx.settings.seed,
      });
      byKey.set(key, plan);
    }
    return plan;
  });
}

const plans = new WeakMap<Profile, Map<string, Promise<CoveragePlan>>>();
