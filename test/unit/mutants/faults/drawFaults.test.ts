import { inputSpace } from "../../../../generators/space/inputSpace";
import { spaceIndex } from "../../../../generators/space/spaceIndex";
import { applicable, drawFaults, wilson } from "../../../../src/mutants/faults/drawFaults";
import { profile } from "../../../support/profiles";

describe("the generated fault space", () => {
  it("drawn, not picked: deterministic for a seed, a third single-level, every pair some request can have", async () => {
    const sources = await Promise.all(
      (["huawei-ims", "openstack-glance"] as const).map(async (name) => ({
        profile: name,
        space: inputSpace(await profile(name)),
        unavailable: new Set(["image=own-public", "image=other-public"]),
      })),
    );
    const faults = drawFaults(3000, 7, sources);
    expect(drawFaults(50, 7, sources)).toEqual(faults.slice(0, 50));
    expect(drawFaults(50, 8, sources)).not.toEqual(faults.slice(0, 50));
    const single = faults.filter((f) => f.predicate.length === 1).length / faults.length;
    expect(single).toBeGreaterThan(0.3);
    expect(single).toBeLessThan(0.37);
    for (const f of faults) {
      const source = sources.find((s) => s.profile === f.profile);
      if (source === undefined) throw new Error(f.profile);
      const index = spaceIndex(source.space);
      const nums = f.predicate.map((r) => index.indexOf(r.dimension, r.level));
      // Never a level the target cannot be set up for, never an infeasible pair, a misbehaviour that can show.
      expect(f.predicate.some((r) => source.unavailable.has(`${r.dimension}=${r.level}`))).toBe(false);
      if (nums.length === 2) expect(index.why(nums[0] ?? -1, nums[1] ?? -1)).toBeUndefined();
      expect(applicable(f.predicate)).toContain(f.misbehaviour);
    }
    // Both profiles, every misbehaviour, and levels of every dimension are drawn.
    expect(new Set(faults.map((f) => f.profile)).size).toBe(2);
    expect(new Set(faults.map((f) => f.misbehaviour)).size).toBe(7);
    expect(new Set(faults.flatMap((f) => f.predicate.map((r) => r.dimension))).size).toBe(
      sources[0]?.space.dimensions.length,
    );
  });

  it("the 95 % Wilson interval, against values worked by hand", () => {
    const round = (x: { low: number; high: number }): number[] =>
      [x.low, x.high].map((v) => Math.round(v * 1000) / 1000);
    expect(round(wilson(200, 200))).toEqual([0.981, 1]);
    expect(round(wilson(5, 10))).toEqual([0.237, 0.763]);
    expect(round(wilson(0, 10))).toEqual([0, 0.278]);
    expect(round(wilson(990, 1000))).toEqual([0.982, 0.995]);
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
  });
});
