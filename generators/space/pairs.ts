import { infeasible, type LevelRef } from "./compatibility";
import { dimensionIds, type DimensionId } from "./Dimension";
import type { InputSpace, LevelsOf } from "./inputSpace";

/** A level as one string: "dimension=level". */
export const refKey = (r: LevelRef): string => `${r.dimension}=${r.level}`;

export function parseRef(key: string): LevelRef {
  const i = key.indexOf("=");
  return { dimension: key.slice(0, i) as DimensionId, level: key.slice(i + 1) };
}

const order = (d: DimensionId): number => dimensionIds.indexOf(d);

/** Two levels of two dimensions, in the dimensions' order: "a=x|b=y". */
export function pairKey(a: LevelRef, b: LevelRef): string {
  return order(a.dimension) <= order(b.dimension) ? `${refKey(a)}|${refKey(b)}` : `${refKey(b)}|${refKey(a)}`;
}

export function parsePair(key: string): readonly [LevelRef, LevelRef] {
  const [a = "", b = ""] = key.split("|");
  return [parseRef(a), parseRef(b)];
}

/** Every level a request falls in, as keys. */
export function refsOf(levels: LevelsOf): string[] {
  return dimensionIds.flatMap((d) => (levels[d] ?? []).map((level) => refKey({ dimension: d, level })));
}

/** Every pair of levels of two dimensions that a request falls in. */
export function pairsOf(levels: LevelsOf): string[] {
  const refs = dimensionIds.flatMap((d) => (levels[d] ?? []).map((level) => ({ dimension: d, level })));
  const out: string[] = [];
  for (let i = 0; i < refs.length; i++)
    for (let j = i + 1; j < refs.length; j++) {
      const a = refs[i];
      const b = refs[j];
      if (a !== undefined && b !== undefined && a.dimension !== b.dimension) out.push(pairKey(a, b));
    }
  return out;
}

/** The pairs of the space: those a request can have, and those it cannot, each with why. */
export interface PairUniverse {
  readonly feasible: readonly string[];
  readonly infeasible: ReadonlyMap<string, string>;
}

const universes = new WeakMap<InputSpace, PairUniverse>();

/** Every pair of levels of two different dimensions of the space, split by the stated rules of infeasibility. */
export function pairUniverse(space: InputSpace): PairUniverse {
  const known = universes.get(space);
  if (known !== undefined) return known;
  const feasible: string[] = [];
  const out = new Map<string, string>();
  const dims = space.dimensions;
  for (let i = 0; i < dims.length; i++)
    for (let j = i + 1; j < dims.length; j++) {
      const di = dims[i];
      const dj = dims[j];
      if (di === undefined || dj === undefined) continue;
      for (const li of di.levels)
        for (const lj of dj.levels) {
          const a = { dimension: di.id, level: li.id };
          const b = { dimension: dj.id, level: lj.id };
          const why = infeasible(space, a, b);
          if (why === undefined) feasible.push(pairKey(a, b));
          else out.set(pairKey(a, b), why);
        }
    }
  const universe = { feasible, infeasible: out };
  universes.set(space, universe);
  return universe;
}
