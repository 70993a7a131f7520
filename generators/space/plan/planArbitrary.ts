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
  const side = judge.tags === "invalid" ? "any" : judge.tags;
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
  const plans = fc.record({
    image: fc.constantFrom(...nonEmpty(images, judge.images[0] ?? "own-private")),
    tags: fc.array(source, { maxLength: 24 }),
    fill: fc.nat({ max: 60 }),
    steps: fc.array(step, { minLength: 1, maxLength: 12 }),
    salt: fc.nat(),
  });
  const side2 = (t: string): string => space.sideOf(t);
  return boundedFilter(
    plans,
    (p) => {
      const real = realizePlan(p, space);
      return real !== undefined && images.includes(p.image) && fits(judge, real, side2);
    },
    `${judge.id} plan`,
  );
}
