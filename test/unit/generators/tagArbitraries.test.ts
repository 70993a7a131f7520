import fc from "fast-check";
import { malformedIdOf, missingIdOf } from "../../../generators/space/plan/realizePlan";
import { tagArbitraries } from "../../../generators/tagArbitraries";
import { tagClassArbitrary, tagClassNames } from "../../../generators/tagClasses";
import { pathSafe, tagRules } from "../../../generators/tagRules";
import { flagOf, withoutFlags } from "../../../src/profile/tagFlags";
import { profile } from "../../support/profiles";

const profiles = ["huawei-ims", "openstack-glance"] as const;

describe("tag arbitraries derived from the profile's schema", () => {
  it.each(profiles)("%s: every valid case satisfies the schema and fits one path segment", async (name) => {
    const p = await profile(name);
    fc.assert(
      fc.property(tagArbitraries(p).valid, (c) => p.checkTag(c.tag).length === 0 && pathSafe(c.tag)),
      { numRuns: 500 },
    );
  });

  it("huawei-ims: every invalid case violates the schema, for every class that yields one", async () => {
    const p = await profile("huawei-ims");
    const { invalid, classSides } = tagArbitraries(p);
    if (invalid === undefined) throw new Error("huawei-ims must have invalid tags");
    fc.assert(
      fc.property(invalid, (c) => p.checkTag(c.tag).length > 0 && pathSafe(c.tag)),
      { numRuns: 500 },
    );
    // Every unusual class is outside the huawei-ims alphabet (dot segments fit no path; no maximum: no overlong).
    expect(classSides).toEqual({
      whitespace: "invalid",
      "whitespace-edge": "invalid",
      "ascii-punctuation": "invalid",
      "non-ascii-letter": "invalid",
      "emoji-astral": "invalid",
      "percent-encoded-reserved": "invalid",
      "dot-segment": "none",
      overlong: "none",
    });
  });

  it("openstack-glance: the unusual classes are valid tags; only overlong violates the schema", async () => {
    const p = await profile("openstack-glance");
    const { invalid, classSides } = tagArbitraries(p);
    expect(classSides["whitespace"]).toBe("valid");
    // Every emoji and every non-ASCII letter falls under a flag: the core scenarios leave them to 204-flagged-*.
    expect(classSides["emoji-astral"]).toBe("none");
    expect(classSides["non-ascii-letter"]).toBe("none");
    expect(tagArbitraries(withoutFlags(p)).classSides["emoji-astral"]).toBe("valid");
    expect(classSides["overlong"]).toBe("invalid");
    if (invalid === undefined) throw new Error("overlong tags must be invalid under openstack-glance");
    fc.assert(
      fc.property(invalid, (c) => c.tagClass === "overlong" && c.tag.length > 255 && c.tag.length <= 1024),
      { numRuns: 100 },
    );
  });

  it("openstack-glance: valid and invalid never yield a flagged tag; each flag's arbitrary yields only its own, valid", async () => {
    const p = await profile("openstack-glance");
    const { valid, invalid, flagged } = tagArbitraries(p);
    const under = (tag: string): string | undefined => flagOf(p.tagFlags, tag)?.id;
    fc.assert(
      fc.property(valid, (c) => under(c.tag) === undefined),
      { numRuns: 500 },
    );
    if (invalid === undefined) throw new Error("overlong tags must be invalid under openstack-glance");
    fc.assert(
      fc.property(invalid, (c) => under(c.tag) === undefined),
      { numRuns: 100 },
    );
    expect([...flagged.keys()]).toEqual(["astral-plane", "non-ascii-in-path"]);
    for (const [id, arb] of flagged) {
      fc.assert(
        fc.property(arb, (c) => under(c.tag) === id && p.checkTag(c.tag).length === 0 && pathSafe(c.tag)),
        { numRuns: 300 },
      );
    }
    // Without the flags (--strict) the core tags include those characters again.
    const strict = fc.sample(tagArbitraries(withoutFlags(p)).valid, { numRuns: 300, seed: 5 });
    expect(strict.some((c) => under(c.tag) === "non-ascii-in-path")).toBe(true);
    expect(strict.some((c) => under(c.tag) === "astral-plane")).toBe(true);
  });

  it("a flag whose characters no generator yields gets no arbitrary (its scenario says not exercised)", async () => {
    const p = await profile("openstack-glance");
    const flag = {
      id: "devanagari",
      characters: /^[\u0900-\u097f]$/u,
      rule: "r",
      reason: "r",
      evidence: "e",
      allows: [{ operation: "deleteImageTag" as const, status: 404 }],
    };
    expect(tagArbitraries({ ...p, tagFlags: [flag] }).flagged.has("devanagari")).toBe(false);
  });

  it("boundary lengths are classes of their own: 1 and the maximum, so class balance always tests them", async () => {
    for (const name of ["openstack-glance", "huawei-ims"] as const) {
      const p = await profile(name);
      const byClass = tagArbitraries(p).validByClass;
      const lengthsOf = (c: "boundary-min" | "boundary-max"): number[] => {
        const arb = byClass.get(c);
        if (arb === undefined) throw new Error(`${name} has no ${c} class`);
        return [...new Set(fc.sample(arb, { numRuns: 50, seed: 3 }).map((t) => Array.from(t.tag).length))];
      };
      expect(lengthsOf("boundary-min")).toEqual([1]);
      expect(lengthsOf("boundary-max")).toEqual([tagRules(p).generationMax]);
    }
  });

  it("each class arbitrary yields its class, and '=' is always among the punctuation", () => {
    for (const name of tagClassNames) {
      const arb = tagClassArbitrary(name, () => false, 256);
      if (arb === undefined) continue;
      expect(fc.sample(arb, { numRuns: 20, seed: 1 }).every((c) => c.tagClass === name)).toBe(true);
    }
    const punct = tagClassArbitrary("ascii-punctuation", () => false, undefined);
    expect(punct && fc.sample(punct, { numRuns: 200, seed: 1 }).some((c) => c.tag.includes("="))).toBe(true);
  });

  it.each(profiles)("%s: the same seed gives the same cases", async (name) => {
    const { valid } = tagArbitraries(await profile(name));
    expect(fc.sample(valid, { numRuns: 50, seed: 11 })).toEqual(fc.sample(valid, { numRuns: 50, seed: 11 }));
  });
});

describe("image ids of the input space", () => {
  it("missing ids are UUID v4s; malformed ids fail each profile's image id schema", async () => {
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const profiles = await Promise.all((["huawei-ims", "openstack-glance"] as const).map((n) => profile(n)));
    fc.assert(
      fc.property(fc.nat(), (salt) => {
        const missing = missingIdOf(salt);
        const malformed = malformedIdOf(salt);
        return (
          v4.test(missing) &&
          profiles.every((p) => p.checkImageId(missing).length === 0 && p.checkImageId(malformed).length > 0)
        );
      }),
    );
  });
});

describe("flags and generation limits", () => {
  it("a flag over characters the schema rejects leaves those tags to the 400 property", async () => {
    const p = await profile("huawei-ims");
    const flag = {
      id: "everything-else",
      characters: /^[^0-9A-Za-z_-]$/u,
      rule: "r",
      reason: "r",
      evidence: "e",
      allows: [{ operation: "deleteImageTag" as const, status: 404 }],
    };
    const { invalid, classSides } = tagArbitraries({ ...p, tagFlags: [flag] });
    if (invalid === undefined) throw new Error("the 400 property lost its tags to a flag");
    expect(classSides["whitespace"]).toBe("invalid");
    expect(fc.sample(invalid, { numRuns: 50, seed: 1 }).every((c) => p.checkTag(c.tag).length > 0)).toBe(
      true,
    );
  });

  it("a schema that leaves nothing to draw makes generation stop at once with a reason, never spin", async () => {
    const p = await profile("huawei-ims");
    const none = { ...p, checkTag: () => ["rejects everything"] };
    const started = Date.now();
    expect(() => fc.sample(tagArbitraries(none).valid, { numRuns: 1, seed: 1 })).toThrow(
      /no valid .* in 500 draws|leave none/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
