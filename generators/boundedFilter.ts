import fc from "fast-check";

/** Values drawn at most per generated case before a filter gives up. */
export const maxFilterTries = 500;

/** A generator could not produce a value: the scenario is not exercised (the profile leaves nothing to draw). */
export class GenerationExhausted extends Error {
  override readonly name = "GenerationExhausted";
}

/**
 * fast-check's filter, bounded: at most maxFilterTries draws per value, then GenerationExhausted. An unbounded
 * filter whose predicate nothing satisfies (a profile whose pattern leaves no case variant) spins forever and
 * starves the event loop, so signals go unanswered.
 */
class BoundedFilter<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly source: fc.Arbitrary<T>,
    private readonly keep: (value: T) => boolean,
    private readonly what: string,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    for (let i = 0; i < maxFilterTries; i++) {
      const v = this.source.generate(mrng, biasFactor);
      if (this.keep(v.value_)) return v;
    }
    throw new GenerationExhausted(`no ${this.what} in ${maxFilterTries} draws`);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.source.canShrinkWithoutContext(value) && this.keep(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.source.shrink(value, context).filter((v) => this.keep(v.value_));
  }
}

/** Keeps the values that pass `keep`; `what` names them for the reason a scenario gives when there are none. */
export function boundedFilter<T>(
  source: fc.Arbitrary<T>,
  keep: (value: T) => boolean,
  what: string,
): fc.Arbitrary<T> {
  return new BoundedFilter(source, keep, what);
}
