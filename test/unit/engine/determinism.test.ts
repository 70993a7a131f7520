import { runSuite } from "../../../src/engine/runSuite";
import { defaultRunSettings } from "../../../src/engine/RunSettings";
import { profile } from "../../support/profiles";
import { withReference } from "../../support/reference";
import { targetFor } from "../../support/targets";

describe("reproducibility", () => {
  it("two runs with the same seed give identical scenario lists, case counts, classes and outcomes", async () => {
    const p = await profile("openstack-glance");
    const summary = async () => {
      return await withReference(p, {}, async (ref) => {
        const run = await runSuite({
          profile: p,
          target: targetFor(ref.url, { faults: ref.faults }),
          runId: "d",
          settings: { ...defaultRunSettings, seed: 99, runs: 20 },
        });
        return run.results.map((r) => [
          r.scenario.id,
          r.outcome,
          r.property?.runs,
          r.property?.seed,
          r.property?.classes,
        ]);
      });
    };
    const first = await summary();
    expect(first.filter((r) => r[2] !== undefined).length).toBeGreaterThanOrEqual(6);
    expect(await summary()).toEqual(first);
  });
});
