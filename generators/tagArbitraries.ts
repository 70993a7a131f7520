import fc from "fast-check";
import type { Profile } from "../src/profile/Profile";
import { tagClassArbitrary, tagClassNames, type TagCase } from "./tagClasses";
import { pathSafe, tagRules } from "./tagRules";

export interface TagArbitraries {
  /** Tags the schema accepts and one path segment carries: plain ones (boundary lengths included) and unusual classes the schema accepts. */
  readonly valid: fc.Arbitrary<TagCase>;
  /** Tags the schema rejects, one segment carries; undefined when no class yields one (openstack-glance has few). */
  readonly invalid: fc.Arbitrary<TagCase> | undefined;
  /** Which classes fall on which side for this profile (from the schema, by sampling). */
  readonly classSides: Readonly<Record<string, "valid" | "invalid" | "both" | "none">>;
}

const printableAscii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

/**
 * Tag arbitraries derived from the profile's tag schema: the schema (ajv) is the judge of every case, so a
 * valid case always satisfies it and an invalid case always violates it, whatever the profile says.
 */
export function tagArbitraries(profile: Profile): TagArbitraries {
  // Every property asks for these; the class sampling is deterministic, so one build per profile serves all.
  let built = cache.get(profile);
  if (built === undefined) {
    built = buildTagArbitraries(profile);
    cache.set(profile, built);
  }
  return built;
}

const cache = new WeakMap<Profile, TagArbitraries>();

function buildTagArbitraries(profile: Profile): TagArbitraries {
  const rules = tagRules(profile);
  const accepts = (t: string): boolean => profile.checkTag(t).length === 0;
  // Characters a one-character tag may be: the alphabet, when the schema has a pattern.
  const alphabet = printableAscii.filter(
    (c) => c !== "/" && (rules.pattern === undefined || rules.pattern.test(c)),
  );
  const unit =
    rules.pattern === undefined
      ? fc.oneof(fc.constantFrom(...alphabet), fc.constantFrom("é", "ß", "中", "😀", " "))
      : fc.constantFrom(...alphabet);
  const ofLength = (min: number, max: number): fc.Arbitrary<TagCase> =>
    fc.string({ unit, minLength: min, maxLength: max }).map((tag) => ({ tag, tagClass: "plain" as const }));
  const plain = fc.oneof(
    { weight: 6, arbitrary: ofLength(rules.minLength, Math.min(rules.generationMax, 24)) },
    { weight: 1, arbitrary: ofLength(rules.minLength, rules.minLength) },
    { weight: 1, arbitrary: ofLength(rules.generationMax, rules.generationMax) },
  );
  const validPool: fc.Arbitrary<TagCase>[] = [plain];
  const invalidPool: fc.Arbitrary<TagCase>[] = [];
  const classSides: Record<string, "valid" | "invalid" | "both" | "none"> = {};
  const overlongFrom = rules.maxLength === undefined ? undefined : rules.maxLength + 1;
  for (const name of tagClassNames) {
    const arb = tagClassArbitrary(name, (c) => rules.pattern?.test(c) ?? true, overlongFrom);
    if (arb === undefined) {
      classSides[name] = "none";
      continue;
    }
    // Sampled unfiltered: a class may have no path-safe member at all (dot segments), and a filter would never end.
    const sample = fc.sample(arb, { numRuns: 60, seed: 42 }).filter((c) => pathSafe(c.tag));
    const valid = sample.some((c) => accepts(c.tag));
    const invalid = sample.some((c) => !accepts(c.tag));
    classSides[name] = valid && invalid ? "both" : valid ? "valid" : invalid ? "invalid" : "none";
    if (valid) validPool.push(arb.filter((c) => pathSafe(c.tag) && accepts(c.tag)));
    if (invalid) invalidPool.push(arb.filter((c) => pathSafe(c.tag) && !accepts(c.tag)));
  }
  const valid = fc.oneof(...validPool).filter((c) => accepts(c.tag) && pathSafe(c.tag));
  const invalid = invalidPool.length === 0 ? undefined : fc.oneof(...invalidPool);
  return { valid, invalid, classSides };
}
