import type { RealPlan } from "./realizePlan";

/** Requests to set an image of each kind up: the create, and sharing it (a member added, then accepted). */
function setupRequests(plan: RealPlan): number {
  if (typeof plan.setup === "string") return 0;
  if (plan.setup.member === "accepted") return 3;
  return plan.setup.member === "pending" ? 2 : 1;
}

/**
 * The requests a plan costs: setting its image up, its own requests, a read of the image after each 204 and
 * after the requests that change nothing (one read for a run of them), and deleting the image.
 */
export function planCost(plan: RealPlan): number {
  const hasImage = typeof plan.setup !== "string";
  let reads = 0;
  let pending = false;
  for (const s of plan.steps) {
    if (s.expectation.statuses[0] === 204) {
      reads += 1;
      pending = false;
    } else pending = true;
  }
  if (pending && hasImage) reads += 1;
  return setupRequests(plan) + plan.steps.length + (hasImage ? reads + 1 : 0);
}
