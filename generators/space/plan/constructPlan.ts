import type { CharClass } from "../charClasses";
import type { LevelRef } from "../compatibility";
import type { Composition } from "../composition";
import type { DimensionId } from "../Dimension";
import { countLevels } from "../dimensions/countDimension";
import type { ImageLevelId } from "../dimensions/imageDimension";
import { derive } from "../derive";
import { derivationFor, type InputSpace } from "../inputSpace";
import type { CredentialId } from "../Observation";
import type { SpaceIndex } from "../spaceIndex";
import { realizeTag } from "../realizeTag";
import { pick } from "../prng";
import type { TagSpec } from "../realizeTag";
import type { Relation } from "../relations";
import { requestErrors, type JudgeDomain } from "./judges";
import type { PlanValue, StepValue, TagSource } from "./PlanValue";

/** What a construction draws from: the space, a seeded generator, the levels it may use, the pairs still open. */
export interface ConstructContext {
  readonly space: InputSpace;
  readonly rng: () => number;
  readonly available: (ref: LevelRef) => boolean;
  readonly index: SpaceIndex;
  /** Whether a pair (by number, SpaceIndex.pair) is still open. */
  readonly isOpen: (pair: number) => boolean;
}

const wanted = (refs: readonly LevelRef[], dimension: string): string | undefined =>
  refs.find((r) => r.dimension === dimension)?.level;

/** Whether a judge's requests can have the level at all. */
export function judgeAccepts(judge: JudgeDomain, r: LevelRef, space: InputSpace): boolean {
  const v = r.level;
  switch (r.dimension) {
    case "image":
      return judge.images.includes(v as ImageLevelId);
    case "credential":
      return judge.credentials === "valid" ? v === "valid" : v !== "valid";
    case "request":
      return judge.body === "any" || judge.body === (v === "body");
    case "presence":
      return (
        judge.presence === "any" || judge.presence === v || (judge.id === "absent-tag" && v === "present")
      );
    case "answer":
      return (
        v === judge.answer ||
        (judge.id === "absent-tag" && v === "204") ||
        (judge.unordered === true && judge.status !== 400 && requestErrors.includes(v))
      );
    case "neighbour":
      return judge.tags !== "invalid";
    case "count":
      return true;
    default: {
      if (judge.tags === "any") return true;
      const sides = space.dimensions.find((d) => d.id === r.dimension)?.levels.find((l) => l.id === v)?.sides;
      return (sides ?? []).includes(judge.tags);
    }
  }
}

/** The dimensions a request of a plan chooses for itself (the image and its tag count are the plan's). */
const stepDims: readonly DimensionId[] = [
  "presence",
  "neighbour",
  "credential",
  "request",
  "length",
  "chars",
  "first",
  "last",
];

/** Per judge and dimension, the level numbers its requests may take on this target (computed once). */
const optionCache = new WeakMap<ConstructContext, Map<string, number[]>>();

function optionsOf(judge: JudgeDomain, dimension: DimensionId, ctx: ConstructContext): number[] {
  let cache = optionCache.get(ctx);
  if (cache === undefined) optionCache.set(ctx, (cache = new Map<string, number[]>()));
  const key = `${judge.id}|${dimension}`;
  let out = cache.get(key);
  if (out === undefined) {
    const levels = ctx.space.dimensions.find((d) => d.id === dimension)?.levels ?? [];
    out = levels
      .filter(
        (l) =>
          judgeAccepts(judge, { dimension, level: l.id }, ctx.space) &&
          ctx.available({ dimension, level: l.id }),
      )
      .map((l) => ctx.index.indexOf(dimension, l.id))
      .filter((i): i is number => i !== undefined);
    cache.set(key, out);
  }
  return out;
}

/** The level (by number) that closes the most open pairs with those already chosen (AETG), among the options. */
function bestLevel(
  options: readonly number[],
  fixed: readonly number[],
  ctx: ConstructContext,
): number | undefined {
  let best: number[] = [];
  let bestScore = -1;
  const { index, isOpen } = ctx;
  for (const me of options) {
    let score = 0;
    let ok = true;
    for (const c of fixed) {
      if (index.why(c, me) !== undefined) {
        ok = false;
        break;
      }
      if (isOpen(index.pair(c, me))) score += 1;
    }
    if (!ok) continue;
    if (score > bestScore) {
      best = [me];
      bestScore = score;
    } else if (score === bestScore) best.push(me);
  }
  return best.length === 0 ? undefined : pick(ctx.rng, best);
}

function countTarget(level: string, rng: () => number): number {
  const bucket = countLevels.find((l) => l.id === level) ?? countLevels[0];
  const top = Math.min(bucket.max, bucket.min + 3);
  return bucket.min + Math.floor(rng() * (top - bucket.min + 1));
}

/** The step's levels: the target's, then each other dimension's that closes most open pairs (a judge's own). */
function stepLevels(
  judge: JudgeDomain,
  target: readonly LevelRef[],
  plan: readonly number[],
  allowPresent: boolean,
  ctx: ConstructContext,
): { readonly levels: Map<DimensionId, string>; readonly fixed: readonly number[] } | undefined {
  const { index } = ctx;
  const fixed = [...plan];
  for (const t of target) {
    const i = index.indexOf(t.dimension, t.level);
    if (i !== undefined && !fixed.some((f) => index.refs[f]?.dimension === t.dimension)) fixed.push(i);
  }
  const order = stepDims.filter((d) => wanted(target, d) === undefined);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(ctx.rng() * (i + 1));
    [order[i], order[j]] = [order[j] as DimensionId, order[i] as DimensionId];
  }
  const present = index.indexOf("presence", "present");
  for (const dimension of order) {
    const options = optionsOf(judge, dimension, ctx).filter((o) => allowPresent || o !== present);
    const level = options.length === 0 ? undefined : bestLevel(options, fixed, ctx);
    // A tag no image can carry has no presence on it nor near misses there: those dimensions do not apply.
    if (level === undefined && (dimension === "neighbour" || dimension === "presence")) continue;
    if (level === undefined) return undefined;
    fixed.push(level);
  }
  const out = new Map<DimensionId, string>();
  for (const f of fixed) {
    const r = index.refs[f];
    if (r !== undefined) out.set(r.dimension, r.level);
  }
  return { levels: out, fixed };
}

function specOf(levels: ReadonlyMap<DimensionId, string>, rng: () => number): TagSpec {
  const r = rng();
  const edge = (d: "first" | "last"): CharClass | "same" => (levels.get(d) ?? "same") as CharClass | "same";
  return {
    length: levels.get("length") ?? "",
    pick: r < 0.35 ? 0 : r < 0.7 ? 1 : 2 + Math.floor(rng() * 30),
    // Only a non-ASCII tag has another normal form: one asked for when the chars are free.
    chars: (levels.get("chars") ??
      (levels.get("neighbour") === "normalization" ? "non-ascii" : "letters")) as Composition,
    first: edge("first"),
    last: edge("last"),
    variant: Math.floor(rng() * 64),
  };
}

/**
 * The spec, or a neighbour of it whose tag falls on the judge's side: a tag the judge cannot send (flagged, or
 * on the wrong side of the schema) gets a length beyond the schema's maximum when the target leaves the length
 * free (the only way some characters are core: an overlong tag is 400 before any flag applies).
 */
function steer(
  spec: TagSpec,
  judge: JudgeDomain,
  target: readonly LevelRef[],
  ctx: ConstructContext,
): TagSpec | undefined {
  const sideOf = (s: TagSpec): string => {
    const t = realizeTag(s, ctx.space.lengths);
    return t === undefined ? "unsendable" : ctx.space.sideOf(t);
  };
  const ok = (side: string): boolean =>
    judge.tags === "any" ? side === "valid" || side === "invalid" : side === judge.tags;
  if (ok(sideOf(spec))) return spec;
  if (wanted(target, "length") !== undefined) return undefined;
  const beyond = (ctx.space.dimensions.find((d) => d.id === "length")?.levels ?? []).filter(
    (l) => l.sides !== undefined && !l.sides.includes("valid"),
  );
  for (const l of beyond) {
    const s = { ...spec, length: l.id };
    if (ok(sideOf(s))) return s;
  }
  return undefined;
}

/** Orders of choosing a request's free levels tried, the best kept. */
const stepAttempts = 3;

/** Where a plan's further requests come from: a pair still open that fits the plan's image and tag count. */
export type NextTarget = (
  judge: JudgeDomain,
  image: string,
  count: string,
) => readonly LevelRef[] | undefined;

/**
 * A plan for the judge: an image and tag count chosen toward the first target (or, where it leaves them free,
 * toward the most open pairs), then up to maxSteps requests, each toward a further target, their other levels
 * chosen to close as many open pairs as they can (as AETG builds a covering array). Its requests' real levels
 * are read back from the realized plan: a choice that cannot be met only covers less.
 */
export function constructPlan(
  judge: JudgeDomain,
  main: readonly LevelRef[],
  ctx: ConstructContext,
  next: NextTarget,
  maxSteps: number,
): PlanValue | undefined {
  const { rng, space } = ctx;
  // The answer its requests call for: the judge's own, or (a judge taking unordered requests) the target's,
  // chosen request by request rather than once for the plan.
  const outcome: LevelRef = main.find((r) => r.dimension === "answer") ?? {
    dimension: "answer",
    level: judge.answer,
  };
  const perStep = judge.unordered === true && judge.status !== 400;
  const { index } = ctx;
  const num = (r: LevelRef): number | undefined => index.indexOf(r.dimension, r.level);
  const outcomeNo = num(outcome);
  const mainNos = main.map(num).filter((i): i is number => i !== undefined);
  const base = outcomeNo === undefined ? mainNos : [outcomeNo, ...mainNos];
  const imageNo =
    index.indexOf("image", wanted(main, "image") ?? "") ??
    bestLevel(
      optionsOf(judge, "image", ctx),
      base.filter((i) => index.refs[i]?.dimension !== "image"),
      ctx,
    );
  const image = imageNo === undefined ? undefined : index.refs[imageNo]?.level;
  if (image === undefined || imageNo === undefined) return undefined;
  const imageless = image === "missing" || image === "malformed";
  const counts = optionsOf(judge, "count", ctx).filter(
    (c) => judge.status !== 204 || index.refs[c]?.level !== "0",
  );
  const countNo =
    index.indexOf("count", wanted(main, "count") ?? "") ??
    bestLevel(counts, [...(outcomeNo === undefined ? [] : [outcomeNo]), imageNo], ctx);
  const count = countNo === undefined ? "1" : (index.refs[countNo]?.level ?? "1");
  const total = countTarget(count, rng);
  const planRefs: number[] = [...(outcomeNo === undefined || perStep ? [] : [outcomeNo]), imageNo];
  if (!imageless && countNo !== undefined) planRefs.push(countNo);
  const mutating = judge.status === 204;
  const tags: TagSource[] = [];
  const steps: StepValue[] = [];
  // Pairs this plan's earlier requests are expected to close: a request is added while it closes new ones.
  const taken = new Set<number>();
  const local: ConstructContext = { ...ctx, isOpen: (p) => ctx.isOpen(p) && !taken.has(p) };
  for (let k = 0; k < maxSteps; k++) {
    const aimed = (k === 0 ? main : next(judge, image, count)) ?? [];
    const target: readonly LevelRef[] =
      perStep && !aimed.some((r) => r.dimension === "answer")
        ? [...aimed, { dimension: "answer", level: judge.answer }]
        : aimed;
    const room = total - tags.length;
    // A few orders of choosing the free levels, the one closing most pairs kept (AETG's candidates).
    let chosen: ReturnType<typeof stepLevels>;
    let gained: number[] = [];
    for (let attempt = 0; attempt < stepAttempts; attempt++) {
      const c = stepLevels(judge, target, planRefs, imageless ? false : mutating || room >= 1, local);
      if (c === undefined) continue;
      const g: number[] = [];
      for (let i = 0; i < c.fixed.length; i++)
        for (let j = i + 1; j < c.fixed.length; j++) {
          const p = index.pair(c.fixed[i] ?? 0, c.fixed[j] ?? 0);
          if (p >= 0 && local.isOpen(p)) g.push(p);
        }
      if (chosen === undefined || g.length > gained.length) {
        chosen = c;
        gained = g;
      }
    }
    if (chosen === undefined) continue;
    if (gained.length === 0) break;
    const levels = chosen.levels;
    const storable = (t: string | undefined): boolean => t !== undefined && space.storable(t);
    const neighbour = levels.get("neighbour") ?? "none";
    const derived = neighbour === "none" || imageless ? undefined : derivationFor[neighbour as Relation];
    // A near miss needs a tag that has one (a letter to accent or change case): a few of the level's tags tried.
    let spec: TagSpec | undefined;
    let tag: string | undefined;
    for (let v = 0; v < 6; v++) {
      spec = steer(specOf(levels, rng), judge, target, ctx);
      tag = spec === undefined ? undefined : realizeTag(spec, space.lengths);
      if (tag !== undefined && (derived === undefined || storable(derive(tag, derived)))) break;
    }
    if (spec === undefined || tag === undefined) continue;
    // Only tags the schema accepts go on an image: a near miss outside it is left out, as is the tag itself.
    const how = derived !== undefined && storable(derive(tag, derived)) ? derived : undefined;
    const present = !imageless && levels.get("presence") === "present" && storable(tag);
    if (!present && judge.presence === "present") continue;
    const adds = (present ? 1 : 0) + (how === undefined ? 0 : 1);
    if (!mutating && k > 0 && adds > room) continue;
    for (const p of gained) taken.add(p);
    const credential = (levels.get("credential") ?? "valid") as CredentialId;
    const body = levels.get("request") === "body";
    const variant = Math.floor(rng() * 1000);
    if (present) {
      const on = tags.length;
      tags.push({ spec });
      if (how !== undefined) tags.push({ spec, how });
      steps.push({
        tag: { on },
        credential,
        body,
        variant,
        ...(judge.id === "absent-tag" ? { again: true } : {}),
      });
    } else {
      if (how !== undefined) tags.push({ spec, how });
      steps.push({ tag: { spec }, credential, body, variant });
    }
  }
  if (steps.length === 0) return undefined;
  return {
    image: image as ImageLevelId,
    tags,
    fill: Math.max(0, total - tags.length),
    steps,
    salt: Math.floor(rng() * 2 ** 31),
  };
}
