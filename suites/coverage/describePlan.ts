import type { RealPlan } from "../../generators/space/plan/realizePlan";

/** A plan in words, as a counterexample shows it: the image set up, then each request and what it calls for. */
export function describePlan(plan: RealPlan): string {
  const image =
    typeof plan.setup === "string"
      ? `${plan.image} image ${JSON.stringify(plan.imageId ?? "")}`
      : `${plan.image} image with ${plan.tags.length} tags ${JSON.stringify(plan.tags.slice(0, 6))}${plan.tags.length > 6 ? "…" : ""}`;
  const steps = plan.steps.map(
    (s) =>
      `DELETE ${JSON.stringify(s.tag)} with ${s.credential === "valid" ? "the owner's token" : `token ${s.credential}`}${s.body ? " and a body" : ""} (expects ${s.expectation.statuses.join(" or ")})`,
  );
  return `${image}; ${steps.join("; ")}`;
}
