import { inputSpace } from "../../generators/space/inputSpace";
import { pairsOf, refsOf } from "../../generators/space/pairs";
import type { RealPlan } from "../../generators/space/plan/realizePlan";
import { checkTagRemoved, checkTagsUnchanged } from "../../src/engine/checks/checkTags";
import type { Creator, ImageView } from "../../src/engine/Fixtures";
import type { CaseTools } from "../../src/engine/property/runProperty";
import type { ScenarioContext } from "../../src/engine/ScenarioContext";
import { principalFor } from "./principalFor";

const tagsOf = (view: ImageView): string[] => {
  const t = view["tags"];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === "string") : [];
};

/**
 * Sends one plan: sets its image up (created with its tags, shared as the plan says), sends its requests in
 * order, each judged on its answer; reads the image back after each 204 and after the requests that change
 * nothing, judging its tags against the run's own record and every other field against the image as it was
 * (a rule of every tier); then deletes the image. Every request's levels go to the coverage.
 */
export async function runPlan(
  plan: RealPlan,
  label: string,
  ctx: ScenarioContext,
  tools: CaseTools,
): Promise<void> {
  const space = inputSpace(ctx.profile);
  const { probe } = tools;
  const setup = plan.setup;
  const creator: Creator = typeof setup === "string" || setup.mine ? "owner" : "alt";
  let id = plan.imageId ?? "";
  let view: ImageView | undefined;
  if (typeof setup !== "string") {
    const made = await ctx.fixtures.createScratch(label, {
      as: creator,
      visibility: setup.visibility,
      tags: plan.tags,
    });
    id = made.id;
    view = made.view;
    if (setup.member !== "none") await ctx.fixtures.share(id, creator, setup.member === "accepted");
  }
  try {
    let tags = [...plan.tags];
    let unread: number | undefined;
    // A read is compared with the image's view before it by the fixtures (every field but the tags and
    // updated_at as before), charged to the probe's last request.
    const readBack = async (): Promise<ImageView | undefined> =>
      view === undefined ? undefined : ctx.fixtures.viewOf(id, creator);
    for (const step of plan.steps) {
      const levels = space.levelsOf(step.obs);
      tools.observe(refsOf(levels), pairsOf(levels));
      const as = await principalFor(step.credential, step.variant, ctx);
      // The capabilities leave such a level out of the plans: should one come, the case is not the target's to
      // answer for (an error before judging, so the property is not exercised, and says why).
      if (as === undefined) throw new Error(`the suite cannot make a ${step.credential} token here`);
      // --lenient: a tag outside the schema may be answered 404, recorded as a deviation.
      const lenient = ctx.settings.lenient && step.expectation.rule === "400-tag";
      const res = await probe.subject({
        as,
        imageId: id,
        tag: step.tag,
        expect: lenient ? [...step.expectation.statuses, 404] : step.expectation.statuses,
        ...(step.body ? { json: { tags: [step.tag] } } : {}),
      });
      if (lenient && res.status === 404 && !step.expectation.statuses.includes(404))
        tools.deviation("404 instead of 400 for a tag outside the schema");
      if (view === undefined) continue;
      if (step.expectation.statuses[0] !== 204) {
        unread ??= res.exchange.seq;
        continue;
      }
      const after = await readBack();
      if (after === undefined) continue;
      for (const c of checkTagRemoved(tags, tagsOf(after), step.tag))
        probe.record({ ...c, seq: res.exchange.seq });
      tags = tags.filter((t) => t !== step.tag);
      view = after;
      unread = undefined;
    }
    if (unread !== undefined) {
      const after = await readBack();
      if (after !== undefined) probe.record({ ...checkTagsUnchanged(tags, tagsOf(after)), seq: unread });
    }
  } finally {
    if (view !== undefined) await ctx.fixtures.discard(id).catch(() => undefined);
  }
}
