import type fc from "fast-check";

/** A property's cases and, for class balance, the same cases built from each class's arbitrary alone. */
export interface Balanced<T> {
  readonly arbitrary: fc.Arbitrary<T>;
  readonly balance: readonly fc.Arbitrary<T>[];
}

/** Builds a property's cases from the whole pool and from each class, so every class appears at least once. */
export function balanced<S, T>(
  all: fc.Arbitrary<S>,
  classes: Iterable<fc.Arbitrary<S>>,
  build: (source: fc.Arbitrary<S>) => fc.Arbitrary<T>,
): Balanced<T> {
  return { arbitrary: build(all), balance: [...classes].map(build) };
}
