import { infeasible, type LevelRef } from "./compatibility";
import type { InputSpace, LevelsOf } from "./inputSpace";

/**
 * The space's levels numbered, and which pairs of them no request can have, as a matrix: the coverage phase
 * weighs thousands of candidate requests, so pairs are numbers (a * n + b, a < b) rather than strings.
 */
export interface SpaceIndex {
  readonly refs: readonly LevelRef[];
  indexOf(dimension: string, level: string): number | undefined;
  /** The pair's number (either order), or -1 for two levels of one dimension. */
  pair(a: number, b: number): number;
  /** Why no request has both, if none can. */
  why(a: number, b: number): string | undefined;
  /** The numbers of the levels a request falls in. */
  levelsOf(levels: LevelsOf): number[];
}

const indexes = new WeakMap<InputSpace, SpaceIndex>();

export function spaceIndex(space: InputSpace): SpaceIndex {
  const known = indexes.get(space);
  if (known !== undefined) return known;
  const refs: LevelRef[] = space.dimensions.flatMap((d) =>
    d.levels.map((l) => ({ dimension: d.id, level: l.id })),
  );
  const n = refs.length;
  const byDim = new Map<string, Map<string, number>>();
  refs.forEach((r, i) => {
    let m = byDim.get(r.dimension);
    if (m === undefined) byDim.set(r.dimension, (m = new Map<string, number>()));
    m.set(r.level, i);
  });
  const reasons: (string | undefined)[] = new Array<string | undefined>(n * n);
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const ra = refs[a];
      const rb = refs[b];
      if (ra === undefined || rb === undefined || ra.dimension === rb.dimension) continue;
      reasons[a * n + b] = infeasible(space, ra, rb);
    }
  const index: SpaceIndex = {
    refs,
    indexOf: (dimension, level) => byDim.get(dimension)?.get(level),
    pair: (a, b) => {
      if (refs[a]?.dimension === refs[b]?.dimension) return -1;
      return a < b ? a * n + b : b * n + a;
    },
    why: (a, b) => (a < b ? reasons[a * n + b] : reasons[b * n + a]),
    levelsOf: (levels) => {
      const out: number[] = [];
      for (const [dimension, ls] of Object.entries(levels)) {
        const m = byDim.get(dimension);
        for (const level of ls) {
          const i = m?.get(level);
          if (i !== undefined) out.push(i);
        }
      }
      return out;
    },
  };
  indexes.set(space, index);
  return index;
}
