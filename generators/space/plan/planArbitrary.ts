import fc from "fast-check";
import { boundedFilter } from "../../boundedFilter";
import { charClassIds } from "../charClasses";
import { compositionIds } from "../composition";
import { derivationIds } from "../derive";
import type { InputSpace } from "../inputSpace";
import type { CredentialId } from "../Observation";
import type { TagSpec } from "../realizeTag";
import { badCredentials, fits, type JudgeDomain } from "./judges";
import type { PlanValue, StepValue, TagSource } from "./PlanValue";
import { realizePlan } from "./realizePlan";

/** The levels a judge's tags draw from: those whose sides include the judge's (any level for "any"). */
function levels(space: InputSpace, dimension: string, side: "valid" | "invalid" | "any"): string[] {
  const d = space.dimensions.find((x) => x.id === dimension);
  return (d?.levels ?? []).filter((l) => side === "any" || (l.sides ?? []).includes(side)).map((l) => l.id);
}

const nonEmpty = <T>(xs: readonly T[], fallback: T): readonly T[] => (xs.length === 0 ? [fallback] : xs);

/**
 * A judge's plans at random: the same plain records the coverage phase builds (level names and small numbers),
 * so fast-check shrinks a coverage case like a random one; kept only when the plan, realized, belongs to the
 * judge (a bounded filter: a judge whose plans the target cannot be set up for is not exercised, never a hang).
 */
export function planArbitrary(
  judge: JudgeDomain,
  space: InputSpace,
  available: (dimension: string, level: string) => boolean,
): fc.Arbitrary<PlanValue> {
  // A judge of any tag with a valid token (the image judges, the body judge) draws valid tags at random: most
  // draws then fit (a flagged tag fits no judge); its tags outside the schema come from the coverage phase.
  const side =
    judge.tags === "invalid"
      ? "any"
      : judge.tags === "any" && judge.credentials === "valid"
        ? "valid"
        : judge.tags;
  const specWith = (only?: {
    readonly dimension: string;
    readonly levels: readonly string[];
  }): fc.Arbitrary<TagSpec> => {
    const of = (dimension: string, fallback: string): fc.Arbitrary<string> =>
      fc.constantFrom(
        ...nonEmpty(only?.dimension === dimension ? only.levels : levels(space, dimension, side), fallback),
      );
    return fc.record({
      length: of("length", "1"),
      pick: fc.nat({ max: 40 }),
      chars: of("chars", "letters") as fc.Arbitrary<(typeof compositionIds)[number]>,
      first: fc.oneof(
        fc.constant("same" as const),
        of("first", "letter") as fc.Arbitrary<(typeof charClassIds)[number]>,
      ),
      last: fc.oneof(
        fc.constant("same" as const),
        of("last", "letter") as fc.Arbitrary<(typeof charClassIds)[number]>,
      ),
      variant: fc.nat({ max: 1000 }),
    });
  };
  // Tags outside the schema: one dimension drawn from its levels no valid tag has (the characters, an edge, the
  // length), so that most draws are invalid and the filter seldom rejects.
  const invalidOnly = ["length", "chars", "first", "last"].flatMap((dimension) => {
    const ls = (space.dimensions.find((d) => d.id === dimension)?.levels ?? [])
      .filter((l) => l.sides !== undefined && !l.sides.includes("valid"))
      .map((l) => l.id);
    return ls.length === 0 ? [] : [specWith({ dimension, levels: ls })];
  });
  const [firstInvalid, ...moreInvalid] = invalidOnly;
  const spec: fc.Arbitrary<TagSpec> =
    judge.tags === "invalid" && firstInvalid !== undefined
      ? fc.oneof(firstInvalid, ...moreInvalid)
      : specWith();
  const source: fc.Arbitrary<TagSource> = fc.record(
    { spec, how: fc.constantFrom(...derivationIds) },
    { requiredKeys: ["spec"] },
  );
  const credentials = (
    judge.credentials === "valid" ? (["valid"] as CredentialId[]) : [...badCredentials]
  ).filter((c) => available("credential", c));
  const images = judge.images.filter((i) => available("image", i));
  const on = fc.record({ on: fc.nat({ max: 20 }) });
  // A judge of tags on the image names them; one of tags not on it names others (or, for a second delete, one
  // of them twice); the rest either.
  const tag =
    judge.presence === "present"
      ? on
      : judge.presence === "absent" && judge.id !== "absent-tag"
        ? source
        : fc.oneof(on, source);
  const step: fc.Arbitrary<StepValue> = fc.record(
    {
      tag,
      credential: fc.constantFrom(...nonEmpty(credentials, "valid")),
      body: judge.body === "any" ? fc.boolean() : fc.constant(judge.body),
      variant: fc.nat({ max: 1000 }),
      ...(judge.id === "absent-tag" ? { again: fc.boolean() } : {}),
    },
    { requiredKeys: ["tag", "credential", "body", "variant"] },
  );
  // Keys in shrinking order: fewer requests first, then fewer tags, then simpler ones.
  const plans = fc.record({
    steps: fc.array(step, { minLength: 1, maxLength: 6 }),
    tags: fc.array(source, { maxLength: 24 }),
    fill: fc.nat({ max: 60 }),
    image: fc.constantFrom(...nonEmpty(images, judge.images[0] ?? "own-private")),
    salt: fc.nat(),
  });

  const side2 = (t: string): string => space.sideOf(t);
  const keep = (p: PlanValue): boolean => {
    const real = realizePlan(p, space);
    return real !== undefined && images.includes(p.image) && fits(judge, real, side2);
  };
  return new PlanArbitrary(
    boundedFilter(plans, keep, `${judge.id} plan`),
    keep,
    space.lengths.map((l) => l.id),
  );
}

/**
 * The plans of a judge, shrunk as a person would: first to one request of the plan alone, then to that request
 * with only the tags it names (and their near misses), then field by field (fast-check's record shrinking).
 * A plan of a dozen requests on an image of a dozen tags shrinks to one short request in a few dozen tries,
 * each cheap, where field by field alone would spend the shrinking budget on tags that do not matter.
 */
class PlanArbitrary extends fc.Arbitrary<PlanValue> {
  constructor(
    private readonly inner: fc.Arbitrary<PlanValue>,
    private readonly keep: (p: PlanValue) => boolean,
    /** The length levels, shortest first: a tag shrinks through each, not only to the first. */
    private readonly lengths: readonly string[],
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<PlanValue> {
    return this.inner.generate(mrng, biasFactor);
  }

  canShrinkWithoutContext(value: unknown): value is PlanValue {
    return this.inner.canShrinkWithoutContext(value);
  }

  shrink(value: PlanValue, context: unknown): fc.Stream<fc.Value<PlanValue>> {
    const smaller = [...oneStep(value), ...ownTags(value), ...simplerTag(value, this.lengths)].filter(
      (p) => this.keep(p) && this.canShrinkWithoutContext(p),
    );
    return fc.Stream.of(...smaller.map((p) => new fc.Value(p, undefined))).join(
      this.inner.shrink(value, context),
    );
  }
}

/** Each request of a plan alone, on the same image. */
function oneStep(p: PlanValue): PlanValue[] {
  return p.steps.length <= 1 ? [] : p.steps.map((s) => ({ ...p, steps: [s] }));
}

/** A one-request plan with only the tags its request names (and near misses of that tag). */
function ownTags(p: PlanValue): PlanValue[] {
  const step = p.steps[0];
  if (p.steps.length !== 1 || step === undefined) return [];
  const named = "on" in step.tag ? p.tags[step.tag.on % Math.max(1, p.tags.length)]?.spec : step.tag.spec;
  if (named === undefined) return [];
  const same = JSON.stringify(named);
  const tags = p.tags.filter((t) => JSON.stringify(t.spec) === same);
  if (tags.length === p.tags.length) return [];
  const on = tags.findIndex((t) => t.how === undefined);
  const retagged = "on" in step.tag ? (on < 0 ? undefined : { ...step, tag: { on } }) : step;
  return retagged === undefined ? [] : [{ ...p, tags, steps: [retagged] }];
}

/**
 * A one-request plan whose tag is simpler in one way: its edges like the rest, a shorter length level (each of
 * them, shortest first), the level's first length, the first characters. Every tag of the plan built from the
 * same spec changes with it, so the near misses on the image stay near misses of the tag named.
 */
function simplerTag(p: PlanValue, lengths: readonly string[]): PlanValue[] {
  const step = p.steps[0];
  if (p.steps.length !== 1 || step === undefined) return [];
  const named = "on" in step.tag ? p.tags[step.tag.on % Math.max(1, p.tags.length)]?.spec : step.tag.spec;
  if (named === undefined) return [];
  const shorter = lengths.slice(0, Math.max(0, lengths.indexOf(named.length)));
  const variants: TagSpec[] = [
    ...(named.first !== "same" || named.last !== "same"
      ? [{ ...named, first: "same" as const, last: "same" as const }]
      : []),
    ...(named.last !== "same" ? [{ ...named, last: "same" as const }] : []),
    ...(named.first !== "same" ? [{ ...named, first: "same" as const }] : []),
    ...shorter.map((length) => ({ ...named, length, pick: 0 })),
    ...(named.pick !== 0 ? [{ ...named, pick: 0 }] : []),
    ...(named.variant !== 0 ? [{ ...named, variant: 0 }] : []),
  ];
  const same = JSON.stringify(named);
  return variants.map((spec) => ({
    ...p,
    tags: p.tags.map((t) => (JSON.stringify(t.spec) === same ? { ...t, spec } : t)),
    steps: ["on" in step.tag ? step : { ...step, tag: { ...step.tag, spec } }],
  }));
}
