import fc from "fast-check";
import { charClassIds } from "../../../generators/space/charClasses";
import { compositionIds } from "../../../generators/space/composition";
import { derivationIds } from "../../../generators/space/derive";
import { imageLevelIds } from "../../../generators/space/dimensions/imageDimension";
import { inputSpace, type InputSpace } from "../../../generators/space/inputSpace";
import { realizeTag } from "../../../generators/space/realizeTag";
import { pairsOf, pairUniverse } from "../../../generators/space/pairs";
import { badCredentials, judgeDomains, judgeIds } from "../../../generators/space/plan/judges";
import { planArbitrary } from "../../../generators/space/plan/planArbitrary";
import { planCoverage } from "../../../generators/space/plan/planCoverage";
import { realizePlan } from "../../../generators/space/plan/realizePlan";
import { defaultRunSettings } from "../../../src/engine/RunSettings";
import { serverObservation } from "../../../src/mutants/faults/serverObservation";
import { runAgainstReference } from "../../../src/mutants/scoreMutants";
import { defaultBehaviour } from "../../../src/reference/defaultBehaviour";
import { profile } from "../../support/profiles";

const profiles = ["huawei-ims", "openstack-glance"] as const;
const refused = new Map([
  ["image=own-public", "refused"],
  ["image=other-public", "refused"],
]);

/** A tag spec of any levels of the space, unfiltered: what no judge would ask for included. */
const anySpec = (space: InputSpace) =>
  fc.record({
    length: fc.constantFrom(...space.lengths.map((l) => l.id)),
    pick: fc.nat({ max: 40 }),
    chars: fc.constantFrom(...compositionIds),
    first: fc.constantFrom("same" as const, ...charClassIds),
    last: fc.constantFrom("same" as const, ...charClassIds),
    variant: fc.nat({ max: 1000 }),
  });

describe("the input space", () => {
  it.each(profiles)("%s: every level's sides come from its examples, and no level is empty", async (name) => {
    const space = inputSpace(await profile(name));
    for (const d of space.dimensions) expect(d.levels.length).toBeGreaterThan(0);
    // Tags drawn at random (not the model's own sample) at each tag level fall on its declared sides only, and
    // each side declared is met: a side wrongly declared would send a judge tags it cannot judge.
    const met = new Map<string, Set<string>>();
    const specs = anySpec(space);
    for (const spec of fc.sample(specs, { numRuns: 4000, seed: 9 })) {
      const tag = realizeTag(spec, space.lengths);
      if (tag === undefined) continue;
      const side = space.sideOf(tag);
      if (side === "unsendable") continue;
      const levels = space.levelsOf({ tag, image: "missing", credential: "valid", body: false });
      for (const dimension of ["length", "chars", "first", "last"] as const)
        for (const level of levels[dimension] ?? [])
          met.set(`${dimension}=${level}`, (met.get(`${dimension}=${level}`) ?? new Set<string>()).add(side));
    }
    const wrong: string[] = [];
    for (const d of space.dimensions)
      for (const l of d.levels) {
        if (l.sides === undefined) continue;
        const seen = met.get(`${d.id}=${l.id}`) ?? new Set<string>();
        for (const side of seen)
          if (!(l.sides as readonly string[]).includes(side)) wrong.push(`${d.id}=${l.id} has ${side} tags`);
      }
    expect(wrong).toEqual([]);
    const length = space.dimensions.find((d) => d.id === "length");
    // The schema's boundaries are levels of their own: 1, 2, and 254, 255 (and 256 where 255 is documented).
    expect(length?.levels.map((l) => l.id)).toEqual(
      name === "openstack-glance"
        ? ["1", "2", "3-16", "17-64", "65-253", "254", "255", "256", "257-1020"]
        : ["1", "2", "3-16", "17-64", "65-253", "254", "255"],
    );
  });

  // The rules of infeasibility never call impossible a pair some request of the suite has: random plans of
  // every judge, realized, hold none of them.
  it.each(profiles)("%s: no plan the suite can build has a pair the rules call impossible", async (name) => {
    const space = inputSpace(await profile(name));
    const { infeasible } = pairUniverse(space);
    const seen: string[] = [];
    for (const id of judgeIds) {
      const arbitrary = planArbitrary(judgeDomains[id], space, (d, l) => !refused.has(`${d}=${l}`));
      for (const plan of fc.sample(arbitrary, { numRuns: 60, seed: 5 })) {
        const real = realizePlan(plan, space);
        for (const step of real?.steps ?? [])
          for (const p of pairsOf(space.levelsOf(step.obs)))
            if (infeasible.has(p)) seen.push(`${p}: ${infeasible.get(p) ?? ""}`);
      }
    }
    expect([...new Set(seen)]).toEqual([]);
  });

  // ... nor one that a request of any shape has, whichever judge (if any) would take it: random plans on every
  // kind of image, any token, body or none, any tag, not filtered by the judges. A pair such a request has that
  // the rules call impossible would be left out of the coverage phase unsent (a flagged or unsendable tag is the
  // flagged scenarios', as the docs say).
  it.each(profiles)("%s: no request of any shape has a pair the rules call impossible", async (name) => {
    const space = inputSpace(await profile(name));
    const { infeasible } = pairUniverse(space);
    const spec = anySpec(space);
    const source = fc.record({ spec, how: fc.constantFrom(...derivationIds) }, { requiredKeys: ["spec"] });
    const plans = fc.record({
      image: fc.constantFrom(...imageLevelIds),
      tags: fc.array(source, { maxLength: 14 }),
      fill: fc.nat({ max: 12 }),
      steps: fc.array(
        fc.record({
          tag: fc.oneof(fc.record({ on: fc.nat({ max: 14 }) }), source),
          credential: fc.constantFrom("valid" as const, ...badCredentials),
          body: fc.boolean(),
          variant: fc.nat({ max: 1000 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      salt: fc.nat(),
    });
    const seen: string[] = [];
    for (const plan of fc.sample(plans, { numRuns: 3000, seed: 13 })) {
      const real = realizePlan(plan, space);
      for (const step of real?.steps ?? []) {
        const side = space.sideOf(step.tag);
        if (side === "flagged" || side === "unsendable") continue;
        for (const p of pairsOf(space.levelsOf(step.obs)))
          if (infeasible.has(p)) seen.push(`${p}: ${infeasible.get(p) ?? ""}`);
      }
    }
    expect([...new Set(seen)]).toEqual([]);
  });

  // An image carries only tags the target must store: none a flag lets it refuse (Glance answers 400 to a create
  // with a 4-byte character; a random 401 plan that put one on its image left the property not exercised).
  it("openstack-glance: no plan, random or of the coverage phase, puts a tag a flag lets the target refuse on an image", async () => {
    const space = inputSpace(await profile("openstack-glance"));
    const astral = /[\u{10000}-\u{10ffff}]/u;
    const carried: string[] = [];
    for (const id of judgeIds) {
      const arbitrary = planArbitrary(judgeDomains[id], space, (d, l) => !refused.has(`${d}=${l}`));
      for (const plan of fc.sample(arbitrary, { numRuns: 200, seed: 9 })) {
        const real = realizePlan(plan, space);
        carried.push(...(real?.tags ?? []));
      }
    }
    const coverage = await planCoverage({
      space,
      judges: Object.values(judgeDomains),
      unavailable: refused,
      seed: 1,
    });
    for (const c of coverage.cases) carried.push(...(realizePlan(c.value, space)?.tags ?? []));
    expect(carried.length).toBeGreaterThan(1000);
    expect(carried.filter((t) => astral.test(t))).toEqual([]);
  });

  // ... and the coverage phase reaches every pair they do not (what the target refuses aside).
  it.each(profiles)(
    "%s: the coverage phase reaches every feasible pair, seeds 1 to 3",
    async (name) => {
      const space = inputSpace(await profile(name));
      for (const seed of [1, 2, 3]) {
        const plan = await planCoverage({
          space,
          judges: Object.values(judgeDomains),
          unavailable: refused,
          seed,
        });
        expect(plan.unreached).toEqual([]);
        expect(plan.contradicted).toEqual([]);
        expect(plan.covered.size + plan.notExercised.size).toBe(pairUniverse(space).feasible.length);
      }
    },
    60_000,
  );

  // The suite and the reference read a request's levels the same way: a fault fires on exactly the requests
  // of its levels. Both sides' counts, level by level, over the coverage properties' requests.
  it.each(profiles)(
    "%s: the reference reads each request's levels as the suite does",
    async (name) => {
      const p = await profile(name);
      const space = inputSpace(p);
      const server: Record<string, number> = {};
      const behaviour = {
        ...defaultBehaviour,
        subjectHook: (call: Parameters<NonNullable<typeof defaultBehaviour.subjectHook>>[0]) => {
          for (const [d, ls] of Object.entries(space.levelsOf(serverObservation(call, space))))
            for (const l of ls) server[`${d}=${l}`] = (server[`${d}=${l}`] ?? 0) + 1;
          return undefined;
        },
      };
      const only = [
        "204-prop-delete-present",
        "404-prop-absent-tag",
        "404-prop-missing-image",
        "403-prop-not-own-image",
        "400-prop-invalid-tag",
        "400-prop-request-body",
        "401-prop-no-valid-token",
      ];
      const run = await runAgainstReference(p, { ...defaultRunSettings, seed: 2, only }, behaviour, "levels");
      const client: Record<string, number> = {};
      for (const r of run.results)
        for (const [l, n] of Object.entries(r.property?.coverage?.levels ?? {}))
          client[l] = (client[l] ?? 0) + n;
      expect(Object.keys(client).length).toBeGreaterThan(40);
      expect(server).toEqual(client);
    },
    60_000,
  );
});
