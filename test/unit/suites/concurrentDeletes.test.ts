import { runSuite } from "../../../src/engine/runSuite";
import { verdictOf } from "../../../src/engine/verdictOf";
import { wrapHandler } from "../../../src/mutants/Mutant";
import { defaultBehaviour } from "../../../src/reference/defaultBehaviour";
import { concurrentDistinct } from "../../../suites/concurrency/concurrentDeletes";
import { profile } from "../../support/profiles";
import { withReference } from "../../support/reference";
import { targetFor } from "../../support/targets";

describe("the concurrency tier", () => {
  it("parallel deletes that also remove another tag break a rule of every tier: non-conformant, not a finding", async () => {
    const p = await profile("huawei-ims");
    let inFlight = 0;
    // While two deletes overlap on the reference, the later one wipes every tag of the image.
    const behaviour = wrapHandler(defaultBehaviour, "deleteImageTag", (inner) => async (req, ctx) => {
      inFlight++;
      await new Promise((r) => setTimeout(r, 5));
      const overlapped = inFlight > 1;
      const res = await inner(req, ctx);
      const image = ctx.images.get(req.params["image_id"] ?? "");
      if (overlapped && image !== undefined) image.tags = [];
      inFlight--;
      return res;
    });
    await withReference(p, { behaviour }, async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url),
        runId: "cd1",
        scenarios: [concurrentDistinct],
      });
      const result = run.results[0];
      expect(result?.breaches.map((c) => c.rule)).toContain("the other tags are kept, and no tag appears");
      expect(verdictOf(run)).toBe("non-conformant");
    });
  });

  it("a lost update alone (a deleted tag back) stays a finding", async () => {
    const p = await profile("huawei-ims");
    const behaviour = wrapHandler(defaultBehaviour, "deleteImageTag", (inner) => async (req, ctx) => {
      const image = ctx.images.get(req.params["image_id"] ?? "");
      const before = image === undefined ? [] : [...image.tags];
      await new Promise((r) => setTimeout(r, 5));
      const res = await inner(req, ctx);
      // Writes back the stale copy without its own tag: the others' deletes are lost.
      if (image !== undefined) image.tags = before.filter((t) => t !== req.params["tag"]);
      return res;
    });
    await withReference(p, { behaviour }, async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url),
        runId: "cd2",
        scenarios: [concurrentDistinct],
      });
      const result = run.results[0];
      expect(result?.outcome).toBe("fail");
      expect(result?.reason).toContain("the deleted tags are gone");
      expect(result?.breaches).toEqual([]);
    });
  });
});
