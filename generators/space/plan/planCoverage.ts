import type { LevelRef } from "../compatibility";
import type { InputSpace } from "../inputSpace";
import { pairKey, pairUniverse, parsePair, refKey } from "../pairs";
import { pick, prng } from "../prng";
import { spaceIndex, type SpaceIndex } from "../spaceIndex";
import { constructPlan, judgeAccepts, type NextTarget } from "./constructPlan";
import { fits, type JudgeDomain, type JudgeId } from "./judges";
import { planCost } from "./planCost";
import type { PlanValue } from "./PlanValue";
import { realizePlan, type RealPlan } from "./realizePlan";

/** One plan the coverage phase chose, for the judge it belongs to. */
export interface CoverageCase {
  readonly judge: JudgeId;
  readonly value: PlanValue;
  /** Requests it is expected to cost, and the pairs it was the first to cover. */
  readonly cost: number;
  readonly newPairs: number;
}

export interface CoveragePlan {
  readonly cases: readonly CoverageCase[];
  /** Pairs that no request can have (the rules), each with why. */
  readonly infeasible: ReadonlyMap<string, string>;
  /** Feasible pairs this target cannot be set up for (no alt identity, no public images...), each with why. */
  readonly notExercised: ReadonlyMap<string, string>;
  /** Feasible, exercisable pairs the plans cover. */
  readonly covered: ReadonlySet<string>;
  /** Feasible, exercisable pairs no construction reached (a gap of the suite: should be none). */
  readonly unreached: readonly string[];
  /** Pairs the plans have that the rules call impossible (a wrong rule: should be none). */
  readonly contradicted: readonly string[];
  readonly requests: number;
}

export interface CoverageInput {
  readonly space: InputSpace;
  readonly judges: readonly JudgeDomain[];
  /** Levels the target does not let the suite use, by key ("image=own-public"), with why. */
  readonly unavailable: ReadonlyMap<string, string>;
  readonly seed: number;
}

/** Candidate plans weighed per choice; targeted attempts after which a pair counts as unreached. */
const candidatesPerRound = 24;
const attemptsPerPair = 40;

/** The pairs (by number) a realized plan's requests have. */
export function pairsOfPlan(plan: RealPlan, space: InputSpace): Set<number> {
  const index = spaceIndex(space);
  const out = new Set<number>();
  for (const s of plan.steps) {
    const levels = index.levelsOf(space.levelsOf(s.obs));
    for (let i = 0; i < levels.length; i++)
      for (let j = i + 1; j < levels.length; j++) {
        const p = index.pair(levels[i] ?? 0, levels[j] ?? 0);
        if (p >= 0) out.add(p);
      }
  }
  return out;
}

function pairRefs(index: SpaceIndex, p: number): [LevelRef, LevelRef] {
  const n = index.refs.length;
  const a = index.refs[Math.floor(p / n)];
  const b = index.refs[p % n];
  if (a === undefined || b === undefined) throw new Error(`no pair ${p}`);
  return [a, b];
}

/**
 * The coverage phase, planned before anything is sent: every feasible pair of levels of two dimensions, each
 * in a request of a plan of the judge that can judge it. Greedy by pairs newly covered per request (weighted set
 * cover), over plans built toward open pairs, each request's free levels chosen to close the most open pairs
 * (AETG), several requests packed on one image. Deterministic for a seed.
 */
export async function planCoverage(input: CoverageInput): Promise<CoveragePlan> {
  const { space, judges } = input;
  const index = spaceIndex(space);
  const rng = prng(input.seed);
  const universe = pairUniverse(space);
  const notExercised = new Map<string, string>();
  const uncovered = new Set<number>();
  for (const key of universe.feasible) {
    const [a, b] = parsePair(key);
    const why = input.unavailable.get(refKey(a)) ?? input.unavailable.get(refKey(b));
    const ia = index.indexOf(a.dimension, a.level);
    const ib = index.indexOf(b.dimension, b.level);
    if (why !== undefined) notExercised.set(key, why);
    else if (!judges.some((j) => judgeAccepts(j, a, space) && judgeAccepts(j, b, space)))
      notExercised.set(key, "no scenario of this run judges such a request");
    else if (ia !== undefined && ib !== undefined) uncovered.add(index.pair(ia, ib));
  }
  const available = (r: LevelRef): boolean => !input.unavailable.has(refKey(r));
  const ctx = { space, rng, available, index, isOpen: (p: number) => uncovered.has(p) };
  const side = (t: string): string => space.sideOf(t);
  const attempts = new Map<number, number>();
  const unreached: string[] = [];
  const cases: (CoverageCase & { readonly pairs: ReadonlySet<number> })[] = [];
  const covered = new Set<string>();
  const contradicted = new Set<string>();
  let yielded = performance.now();
  for (let round = 0; uncovered.size > 0; round++) {
    // The event loop gets its turn every 10 ms or so: Ctrl-C is heard while the plan is made, and the scenarios
    // that run meanwhile keep their timing (a watched connection's grace, a request's deadline).
    if (performance.now() - yielded > 10) {
      await new Promise((resolve) => setImmediate(resolve));
      yielded = performance.now();
    }
    const open = [...uncovered];
    let best:
      { judge: JudgeId; value: PlanValue; cost: number; pairs: Set<number>; gain: number } | undefined;
    const tried: number[] = [];
    for (let c = 0; c < candidatesPerRound; c++) {
      const p = pick(rng, open);
      tried.push(p);
      const target = pairRefs(index, p);
      const able = judges.filter((j) => target.every((r) => judgeAccepts(j, r, space)));
      if (able.length === 0) continue;
      const judge = pick(rng, able);
      const next: NextTarget = (j, image, count) => {
        for (let t = 0; t < 20; t++) {
          const more = pairRefs(index, pick(rng, open));
          const fitsPlan = more.every(
            (r) =>
              judgeAccepts(j, r, space) &&
              (r.dimension !== "image" || r.level === image) &&
              (r.dimension !== "count" || r.level === count),
          );
          if (fitsPlan) return more;
        }
        return undefined;
      };
      const maxSteps = judge.status === 204 ? 1 + Math.floor(rng() * 8) : 24;
      const value = constructPlan(judge, target, ctx, next, maxSteps);
      if (value === undefined) continue;
      const real = realizePlan(value, space);
      if (real === undefined || !fits(judge, real, side)) continue;
      const pairs = pairsOfPlan(real, space);
      let gain = 0;
      for (const q of pairs) if (uncovered.has(q)) gain += 1;
      const cost = planCost(real);
      if (gain > 0 && (best === undefined || gain / cost > best.gain / best.cost))
        best = { judge: judge.id, value, cost, pairs, gain };
    }
    // A request added to a plan already chosen often closes a pair for less than a new image: a judge that
    // changes nothing (not a 204's), a request naming a tag of its own (the image's tags, so its count, as they
    // were). The better of the two ways, by pairs per request, is taken.
    const extended = extendBest(cases, open, judges, ctx, uncovered, side);
    if (
      extended !== undefined &&
      (best === undefined || extended.gain / extended.cost > best.gain / best.cost)
    ) {
      const at = cases[extended.at];
      if (at !== undefined) {
        for (const q of extended.pairs) if (uncovered.delete(q)) covered.add(pairKey(...pairRefs(index, q)));
        cases[extended.at] = {
          ...at,
          value: extended.value,
          cost: at.cost + extended.cost,
          newPairs: at.newPairs + extended.gain,
          pairs: new Set([...at.pairs, ...extended.pairs]),
        };
        continue;
      }
    }
    if (best === undefined) {
      for (const p of tried) {
        const n = (attempts.get(p) ?? 0) + 1;
        attempts.set(p, n);
        if (n >= attemptsPerPair && uncovered.delete(p)) unreached.push(pairKey(...pairRefs(index, p)));
      }
      continue;
    }
    for (const q of best.pairs) {
      if (uncovered.delete(q)) covered.add(pairKey(...pairRefs(index, q)));
      else {
        const [a, b] = pairRefs(index, q);
        if (index.why((q / index.refs.length) | 0, q % index.refs.length) !== undefined)
          contradicted.add(pairKey(a, b));
      }
    }
    cases.push({
      judge: best.judge,
      value: best.value,
      cost: best.cost,
      newPairs: best.gain,
      pairs: best.pairs,
    });
  }
  const kept = withoutRedundant(cases);
  return {
    cases: kept.map((c) => ({ judge: c.judge, value: c.value, cost: c.cost, newPairs: c.newPairs })),
    infeasible: universe.infeasible,
    notExercised,
    covered,
    unreached,
    contradicted: [...contradicted],
    requests: kept.reduce((n, c) => n + c.cost, 0),
  };
}

/** Plans tried for extension per round, and the open pairs each is tried toward. */
const extendTries = 12;

/**
 * The best extension of a chosen plan by one request toward an open pair: the plan's judge, image and tag count
 * kept, the request built as a new plan's would be (constructPlan), kept only when the plan keeps every pair it
 * had (the tags it adds, if any, leave the image's count level as it was).
 */
function extendBest(
  cases: readonly (CoverageCase & { readonly pairs: ReadonlySet<number> })[],
  open: readonly number[],
  judges: readonly JudgeDomain[],
  ctx: Parameters<typeof constructPlan>[2],
  uncovered: ReadonlySet<number>,
  side: (t: string) => string,
): { at: number; value: PlanValue; cost: number; gain: number; pairs: Set<number> } | undefined {
  const { space, index, rng } = ctx;
  const extendable = cases
    .map((c, at) => ({ c, at, judge: judges.find((j) => j.id === c.judge) }))
    .filter(
      (x): x is { c: (typeof cases)[number]; at: number; judge: JudgeDomain } =>
        x.judge !== undefined &&
        x.judge.status !== 204 &&
        x.judge.id !== "absent-tag" &&
        x.c.value.steps.length < 24,
    );
  if (extendable.length === 0 || open.length === 0) return undefined;
  let best: { at: number; value: PlanValue; cost: number; gain: number; pairs: Set<number> } | undefined;
  for (let t = 0; t < extendTries; t++) {
    const { c, at, judge } = pick(rng, extendable);
    const real = realizePlan(c.value, space);
    const first = real?.steps[0];
    if (real === undefined || first === undefined) continue;
    const count = space.levelsOf(first.obs).count?.[0];
    const target = pairRefs(index, pick(rng, open));
    const here: LevelRef[] = [
      { dimension: "image", level: c.value.image },
      ...(count === undefined ? [] : [{ dimension: "count" as const, level: count }]),
    ];
    if (
      !target.every(
        (r) =>
          judgeAccepts(judge, r, space) &&
          !here.some((h) => h.dimension === r.dimension && h.level !== r.level),
      )
    )
      continue;
    const one = constructPlan(
      judge,
      [...target, ...here.filter((h) => !target.some((r) => r.dimension === h.dimension))],
      ctx,
      () => undefined,
      1,
    );
    const step = one?.steps[0];
    if (one === undefined || step === undefined) continue;
    // The new request's tags join the image's (its own index shifted past them); the plan must keep every pair
    // it had (a tag more can change the image's count level for every request: then it is no extension).
    const shift = c.value.tags.length;
    const value: PlanValue = {
      ...c.value,
      tags: [...c.value.tags, ...one.tags],
      steps: [...c.value.steps, "on" in step.tag ? { ...step, tag: { on: step.tag.on + shift } } : step],
    };
    const merged = realizePlan(value, space);
    if (merged === undefined || !fits(judge, merged, side)) continue;
    const pairs = pairsOfPlan(merged, space);
    if ([...c.pairs].some((q) => !pairs.has(q))) continue;
    let gain = 0;
    for (const q of pairs) if (uncovered.has(q) && !c.pairs.has(q)) gain += 1;
    const cost = planCost(merged) - c.cost;
    if (gain > 0 && cost > 0 && (best === undefined || gain / cost > best.gain / best.cost))
      best = { at, value, cost, gain, pairs };
  }
  return best;
}

/**
 * Greedy covering leaves plans whose pairs later plans all cover too: dropped, most expensive first (the
 * classic clean-up of a greedy set cover), so that every plan kept covers a pair no other does.
 */
function withoutRedundant<T extends { readonly cost: number; readonly pairs: ReadonlySet<number> }>(
  cases: readonly T[],
): T[] {
  const count = new Map<number, number>();
  for (const c of cases) for (const p of c.pairs) count.set(p, (count.get(p) ?? 0) + 1);
  const order = [...cases].sort((a, b) => b.cost - a.cost);
  const dropped = new Set<T>();
  for (const c of order) {
    let needed = false;
    for (const p of c.pairs) if ((count.get(p) ?? 0) <= 1) needed = true;
    if (needed) continue;
    dropped.add(c);
    for (const p of c.pairs) count.set(p, (count.get(p) ?? 0) - 1);
  }
  return cases.filter((c) => !dropped.has(c));
}
