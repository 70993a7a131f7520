import { inputSpace } from "../../generators/space/inputSpace";
import { judgeDomains, type JudgeId } from "../../generators/space/plan/judges";
import { planArbitrary } from "../../generators/space/plan/planArbitrary";
import { realizePlan } from "../../generators/space/plan/realizePlan";
import { runProperty } from "../../src/engine/property/runProperty";
import type { Need, Scenario } from "../../src/engine/Scenario";
import type { Profile } from "../../src/profile/Profile";
import { capabilities } from "./capabilities";
import { coveragePlan, judgesFor } from "./coveragePlan";
import { describePlan } from "./describePlan";
import { runPlan } from "./runPlan";

export interface JudgeScenarioSpec {
  readonly id: string;
  readonly judge: JudgeId;
  readonly title: string;
  readonly expected: string;
  readonly tempestId?: string;
  readonly needs?: readonly Need[];
  readonly profiles: string;
}

/**
 * A property that judges one kind of request of the input space: its cases are first the coverage phase's
 * plans for its judge (every feasible pair of levels, each in a request of the judge that can judge it), then
 * random plans of the same shape, fast-check's seeds, replay and shrinking unchanged.
 */
export function judgeScenario(spec: JudgeScenarioSpec): Scenario {
  const domain = judgeDomains[spec.judge];
  return {
    id: spec.id,
    title: spec.title,
    status: domain.status,
    kind: "property",
    tier: "core",
    expected: spec.expected,
    ...(spec.tempestId === undefined ? {} : { tempestId: spec.tempestId }),
    needs: spec.needs ?? [],
    profiles: spec.profiles,
    appliesTo: (p: Profile) => judgesFor(p).some((j) => j.id === spec.judge),
    prepare: async (ctx) => {
      await coveragePlan(ctx);
    },
    run: async (ctx) => {
      const space = inputSpace(ctx.profile);
      const plan = await coveragePlan(ctx);
      const unavailable = await capabilities(ctx);
      const examples = plan.cases.filter((c) => c.judge === spec.judge).map((c) => c.value);
      const arbitrary = planArbitrary(domain, space, (d, l) => !unavailable.has(`${d}=${l}`));
      const label = spec.id.replace(/^\d+-prop-/, "");
      return runProperty(
        ctx,
        arbitrary,
        async (value, tools) => {
          const real = realizePlan(value, space);
          if (real === undefined) throw new Error("a plan of the coverage phase could not be realized");
          tools.classify(real.image);
          await runPlan(real, label, ctx, tools);
        },
        {
          examples,
          show: (v) => {
            const real = realizePlan(v, space);
            return real === undefined ? JSON.stringify(v) : describePlan(real);
          },
          unavailable: Object.fromEntries(unavailable),
          plannedRequests:
            examples.length === 0
              ? 0
              : plan.cases.filter((c) => c.judge === spec.judge).reduce((n, c) => n + c.cost, 0),
        },
      );
    },
  };
}
