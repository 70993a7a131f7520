import fc from "fast-check";
import type { Profile } from "../src/profile/Profile";
import { flagOf } from "../src/profile/tagFlags";
import { tagClassArbitrary, tagClassNames, type TagCase } from "./tagClasses";
import { pathSafe, tagRules } from "./tagRules";

export interface TagArbitraries {
  /** Tags the schema accepts and one path segment carries: plain ones (boundary lengths included) and unusual classes the schema accepts. */
  readonly valid: fc.Arbitrary<TagCase>;
  /** Tags the schema rejects, one segment carries; undefined when no class yields one (openstack-glance has few). */
  readonly invalid: fc.Arbitrary<TagCase> | undefined;
  /** Which classes fall on which side for this profile (from the schema, by sampling, flagged tags left out). */
  readonly classSides: Readonly<Record<string, "valid" | "invalid" | "both" | "none">>;
  /**
   * Per flag of the profile (x-itc-flagged), by id: valid tags that fall under it (absent when the generators
   * yield none). valid and invalid never yield such a tag: the core scenarios leave them to the flagged ones.
   */
  readonly flagged: ReadonlyMap<string, fc.Arbitrary<TagCase>>;
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
  const unflagged = (t: string): boolean => flagOf(profile.tagFlags, t) === undefined;
  // Characters a one-character tag may be: the alphabet, when the schema has a pattern.
  const alphabet = printableAscii.filter(
    (c) => c !== "/" && (rules.pattern === undefined || rules.pattern.test(c)),
  );
  const extra = rules.pattern === undefined ? ["é", "ß", "中", "😀", " "] : [];
  // Plain tags for the core scenarios are built from unflagged characters (a filter would reject nearly every
  // 255-character tag); the flagged ones mix flagged characters in.
  const plainOf = (chars: readonly string[]): fc.Arbitrary<TagCase> => {
    const inAlphabet = chars.filter((c) => alphabet.includes(c));
    const others = chars.filter((c) => !alphabet.includes(c));
    const unit =
      others.length === 0
        ? fc.constantFrom(...inAlphabet)
        : fc.oneof(fc.constantFrom(...inAlphabet), fc.constantFrom(...others));
    const ofLength = (min: number, max: number): fc.Arbitrary<TagCase> =>
      fc.string({ unit, minLength: min, maxLength: max }).map((tag) => ({ tag, tagClass: "plain" as const }));
    return fc.oneof(
      { weight: 6, arbitrary: ofLength(rules.minLength, Math.min(rules.generationMax, 24)) },
      { weight: 1, arbitrary: ofLength(rules.minLength, rules.minLength) },
      { weight: 1, arbitrary: ofLength(rules.generationMax, rules.generationMax) },
    );
  };
  const validPool: fc.Arbitrary<TagCase>[] = [plainOf([...alphabet, ...extra].filter(unflagged))];
  const invalidPool: fc.Arbitrary<TagCase>[] = [];
  const flaggedPool: fc.Arbitrary<TagCase>[] = [plainOf([...alphabet, ...extra])];
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
    const core = sample.filter((c) => unflagged(c.tag));
    const valid = core.some((c) => accepts(c.tag));
    const invalid = core.some((c) => !accepts(c.tag));
    classSides[name] = valid && invalid ? "both" : valid ? "valid" : invalid ? "invalid" : "none";
    if (valid) validPool.push(arb.filter((c) => pathSafe(c.tag) && accepts(c.tag) && unflagged(c.tag)));
    if (invalid) invalidPool.push(arb.filter((c) => pathSafe(c.tag) && !accepts(c.tag) && unflagged(c.tag)));
    if (sample.some((c) => accepts(c.tag) && !unflagged(c.tag))) flaggedPool.push(arb);
  }
  const valid = fc.oneof(...validPool).filter((c) => accepts(c.tag) && pathSafe(c.tag) && unflagged(c.tag));
  const invalid = invalidPool.length === 0 ? undefined : fc.oneof(...invalidPool);
  // A flag whose characters none of the generators produce gets no arbitrary (a filter would never end).
  const anyFlagged = fc.oneof(...flaggedPool);
  const candidates = profile.tagFlags.length === 0 ? [] : fc.sample(anyFlagged, { numRuns: 300, seed: 42 });
  const flagged = new Map<string, fc.Arbitrary<TagCase>>();
  for (const f of profile.tagFlags) {
    const under = (c: TagCase): boolean =>
      accepts(c.tag) && pathSafe(c.tag) && flagOf(profile.tagFlags, c.tag) === f;
    if (candidates.some(under)) flagged.set(f.id, anyFlagged.filter(under));
  }
  return { valid, invalid, classSides, flagged };
}
