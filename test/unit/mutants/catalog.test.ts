import { runSuite } from "../../../src/engine/runSuite";
import { mutants } from "../../../src/mutants/catalog";
import { defaultBehaviour } from "../../../src/reference/defaultBehaviour";
import { profile } from "../../support/profiles";
import { startReference } from "../../support/reference";
import { targetFor } from "../../support/targets";

describe("every mutant is caught by exactly the rows it declares", () => {
  it.each(mutants.map((m) => [m.name, m] as const))("%s", async (_name, mutant) => {
    const p = await profile("huawei-ims");
    const ref = await startReference(p, { behaviour: mutant.apply(defaultBehaviour) });
    try {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url, { faults: ref.faults }),
        runId: "m",
      });
      const failing = [
        ...new Set(run.results.filter((r) => r.outcome === "fail").map((r) => r.scenario.status)),
      ].sort();
      expect(failing).toEqual([...mutant.caughtBy].sort());
    } finally {
      await ref.server.close();
    }
  });

  it("mutant names are unique", () => {
    expect(new Set(mutants.map((m) => m.name)).size).toBe(mutants.length);
  });
});
