import fc from "fast-check";
import type { Profile } from "../src/profile/Profile";
import { flagOf } from "../src/profile/tagFlags";
import { boundedFilter } from "./boundedFilter";
import { tagClassArbitrary, tagClassNames, type PlainClass, type TagCase, type TagClass } from "./tagClasses";
import { pathSafe, tagRules } from "./tagRules";

export interface TagArbitraries {
  /** Tags the schema accepts and one path segment carries: plain ones (boundary lengths included) and unusual classes the schema accepts. */
  readonly valid: fc.Arbitrary<TagCase>;
  /** The valid tags by generator class, for class-balanced properties (every class appears even at low --runs). */
  readonly validByClass: ReadonlyMap<TagClass, fc.Arbitrary<TagCase>>;
  /** Tags the schema rejects, one segment carries (flags never apply to them); undefined when no class yields one. */
  readonly invalid: fc.Arbitrary<TagCase> | undefined;
  readonly invalidByClass: ReadonlyMap<TagClass, fc.Arbitrary<TagCase>>;
  /** Which classes fall on which side for this profile (from the schema, by sampling, flagged tags left out). */
  readonly classSides: Readonly<Record<string, "valid" | "invalid" | "both" | "none">>;
  /**
   * Per flag of the profile (x-itc-flagged), by id: valid tags that fall under it (absent when the generators
   * yield none). valid never yields such a tag: the core scenarios leave them to the flagged ones. A flag
   * applies to tags the schema accepts only: rejected ones still go to the 400 property.
   */
  readonly flagged: ReadonlyMap<string, fc.Arbitrary<TagCase>>;
}

const printableAscii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

/**
 * Tag arbitraries derived from the profile's tag schema: the schema (ajv) is the judge of every case, so a
 * valid case always satisfies it and an invalid case always violates it, whatever the profile says. Every
 * filter is bounded: a profile that leaves nothing to draw makes the property not exercised, never a hang.
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

/** An arbitrary that has nothing to give: generating from it makes the property not exercised, with why. */
function nothing(what: string): fc.Arbitrary<TagCase> {
  return boundedFilter(fc.constant({ tag: "", tagClass: "plain" as const }), () => false, what);
}

/** Plain tags weigh more than each unusual class or boundary length in the whole pool. */
const weightOf = (c: TagClass): number => (c === "plain" ? 4 : 1);

function oneOf(arbs: ReadonlyMap<TagClass, fc.Arbitrary<TagCase>>, what: string): fc.Arbitrary<TagCase> {
  const weighted = [...arbs].map(([c, arbitrary]) => ({ weight: weightOf(c), arbitrary }));
  const [first, ...rest] = weighted;
  if (first === undefined) return nothing(what);
  return rest.length === 0 ? first.arbitrary : fc.oneof(first, ...rest);
}

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
  // 255-character tag); the flagged ones mix flagged characters in. Short ones, and both boundary lengths.
  const plainOf = (chars: readonly string[]): Map<PlainClass, fc.Arbitrary<TagCase>> => {
    const inAlphabet = chars.filter((c) => alphabet.includes(c));
    const others = chars.filter((c) => !alphabet.includes(c));
    const units = [inAlphabet, others].filter((u) => u.length > 0).map((u) => fc.constantFrom(...u));
    const [one, ...more] = units;
    if (one === undefined) return new Map();
    const unit = more.length === 0 ? one : fc.oneof(one, ...more);
    const ofLength = (tagClass: PlainClass, min: number, max: number): fc.Arbitrary<TagCase> =>
      fc.string({ unit, minLength: min, maxLength: max }).map((tag) => ({ tag, tagClass }));
    return new Map([
      ["plain", ofLength("plain", rules.minLength, Math.min(rules.generationMax, 24))],
      ["boundary-min", ofLength("boundary-min", rules.minLength, rules.minLength)],
      ["boundary-max", ofLength("boundary-max", rules.generationMax, rules.generationMax)],
    ]);
  };
  const keepValid = (c: TagCase): boolean => accepts(c.tag) && pathSafe(c.tag) && unflagged(c.tag);
  const keepInvalid = (c: TagCase): boolean => !accepts(c.tag) && pathSafe(c.tag);
  const validByClass = new Map<TagClass, fc.Arbitrary<TagCase>>();
  const invalidByClass = new Map<TagClass, fc.Arbitrary<TagCase>>();
  for (const [c, arb] of plainOf([...alphabet, ...extra].filter(unflagged)))
    validByClass.set(c, boundedFilter(arb, keepValid, `valid ${c} tag`));
  const flaggedPool = new Map<TagClass, fc.Arbitrary<TagCase>>(plainOf([...alphabet, ...extra]));
  const classSides: Record<string, "valid" | "invalid" | "both" | "none"> = {};
  const overlongFrom = rules.maxLength === undefined ? undefined : rules.maxLength + 1;
  for (const name of tagClassNames) {
    const arb = tagClassArbitrary(name, (c) => rules.pattern?.test(c) ?? true, overlongFrom);
    if (arb === undefined) {
      classSides[name] = "none";
      continue;
    }
    // Sampled unfiltered: a class may have no path-safe member at all (dot segments).
    const sample = fc.sample(arb, { numRuns: 60, seed: 42 }).filter((c) => pathSafe(c.tag));
    const valid = sample.some(keepValid);
    const invalid = sample.some(keepInvalid);
    classSides[name] = valid && invalid ? "both" : valid ? "valid" : invalid ? "invalid" : "none";
    if (valid) validByClass.set(name, boundedFilter(arb, keepValid, `valid ${name} tag`));
    if (invalid) invalidByClass.set(name, boundedFilter(arb, keepInvalid, `${name} tag outside the schema`));
    if (sample.some((c) => accepts(c.tag) && !unflagged(c.tag))) flaggedPool.set(name, arb);
  }
  const valid = oneOf(validByClass, "valid tag (the schema and the flags leave none)");
  const invalid = invalidByClass.size === 0 ? undefined : oneOf(invalidByClass, "invalid tag");
  // A flag whose characters none of the generators produce gets no arbitrary.
  const anyFlagged = oneOf(flaggedPool, "flagged tag");
  const candidates = profile.tagFlags.length === 0 ? [] : fc.sample(anyFlagged, { numRuns: 300, seed: 42 });
  const flagged = new Map<string, fc.Arbitrary<TagCase>>();
  for (const f of profile.tagFlags) {
    const under = (c: TagCase): boolean =>
      accepts(c.tag) && pathSafe(c.tag) && flagOf(profile.tagFlags, c.tag) === f;
    if (candidates.some(under))
      flagged.set(f.id, boundedFilter(anyFlagged, under, `valid tag under flag ${f.id}`));
  }
  return { valid, validByClass, invalid, invalidByClass, classSides, flagged };
}
