import { inputSpace } from "../../generators/space/inputSpace";
import { pairUniverse, parsePair, refKey } from "../../generators/space/pairs";
import type { RunResult } from "../../src/engine/RunResult";

/** What the run reached of the input space, for the report (report.json's inputSpace, report.html's section). */
export interface InputSpaceSummary {
  readonly dimensions: readonly {
    readonly id: string;
    readonly title: string;
    readonly levels: readonly {
      readonly id: string;
      readonly title: string;
      readonly source: string;
      readonly sides?: readonly string[];
      /** Requests of the run with this level. */
      readonly requests: number;
      /** Why this target would not let the suite use it, when it would not. */
      readonly unavailable?: string;
    }[];
  }[];
  /** Levels of the model this profile's space leaves out, with why. */
  readonly excluded: readonly { readonly dimension: string; readonly level: string; readonly why: string }[];
  readonly pairs: {
    /** Pairs of levels of two dimensions some request can have. */
    readonly feasible: number;
    readonly covered: number;
    /** Pairs no request can have, counted by reason (each with one example). */
    readonly infeasible: readonly {
      readonly why: string;
      readonly count: number;
      readonly example: string;
    }[];
    /** Feasible pairs this target cannot be set up for, by reason. */
    readonly notExercised: readonly {
      readonly why: string;
      readonly count: number;
      readonly example: string;
    }[];
    /** Feasible pairs that could be used and were not (a scenario not run, cut short; otherwise a suite gap). */
    readonly uncovered: readonly string[];
  };
  /** Per dimension pair ("length|chars"): pairs covered of the feasible ones, for the report's matrix. */
  readonly matrix: Readonly<Record<string, { readonly covered: number; readonly feasible: number }>>;
  readonly byScenario: readonly {
    readonly id: string;
    readonly examples: number;
    readonly levels: number;
    readonly pairs: number;
  }[];
}

const grouped = (entries: Iterable<readonly [string, string]>): InputSpaceSummary["pairs"]["infeasible"] => {
  const by = new Map<string, { count: number; example: string }>();
  for (const [pair, why] of entries) {
    const g = by.get(why);
    if (g === undefined) by.set(why, { count: 1, example: pair });
    else g.count += 1;
  }
  return [...by].map(([why, g]) => ({ why, ...g })).sort((a, b) => b.count - a.count);
};

/** The run's coverage of the profile's input space, from the levels and pairs its properties recorded. */
export function inputSpaceSummary(run: RunResult): InputSpaceSummary | undefined {
  const withCoverage = run.results.filter((r) => r.property?.coverage !== undefined);
  if (withCoverage.length === 0) return undefined;
  const space = inputSpace(run.profile);
  const universe = pairUniverse(space);
  const covered = new Set<string>();
  const requests = new Map<string, number>();
  const unavailable = new Map<string, string>();
  for (const r of withCoverage) {
    const c = r.property?.coverage;
    if (c === undefined) continue;
    for (const p of c.pairs) covered.add(p);
    for (const [l, n] of Object.entries(c.levels)) requests.set(l, (requests.get(l) ?? 0) + n);
    for (const [l, why] of Object.entries(c.unavailable ?? {})) unavailable.set(l, why);
  }
  const notExercised: [string, string][] = [];
  const uncovered: string[] = [];
  const matrix: Record<string, { covered: number; feasible: number }> = {};
  for (const key of universe.feasible) {
    const [a, b] = parsePair(key);
    const cell = (matrix[`${a.dimension}|${b.dimension}`] ??= { covered: 0, feasible: 0 });
    cell.feasible += 1;
    if (covered.has(key)) cell.covered += 1;
    else {
      const why = unavailable.get(refKey(a)) ?? unavailable.get(refKey(b));
      if (why !== undefined) notExercised.push([key, why]);
      else uncovered.push(key);
    }
  }
  return {
    dimensions: space.dimensions.map((d) => ({
      id: d.id,
      title: d.title,
      levels: d.levels.map((l) => {
        const key = `${d.id}=${l.id}`;
        const why = unavailable.get(key);
        return {
          id: l.id,
          title: l.title,
          source: l.source,
          ...(l.sides === undefined ? {} : { sides: l.sides }),
          requests: requests.get(key) ?? 0,
          ...(why === undefined ? {} : { unavailable: why }),
        };
      }),
    })),
    excluded: space.excluded,
    pairs: {
      feasible: universe.feasible.length,
      covered: universe.feasible.filter((k) => covered.has(k)).length,
      infeasible: grouped(universe.infeasible),
      notExercised: grouped(notExercised),
      uncovered,
    },
    matrix,
    byScenario: withCoverage.map((r) => ({
      id: r.scenario.id,
      examples: r.property?.coverage?.examples ?? 0,
      levels: Object.keys(r.property?.coverage?.levels ?? {}).length,
      pairs: r.property?.coverage?.pairs.length ?? 0,
    })),
  };
}
