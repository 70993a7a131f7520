import type { LevelRef } from "../../../generators/space/compatibility";
import type { InputSpace } from "../../../generators/space/inputSpace";
import { pick, prng } from "../../../generators/space/prng";
import { spaceIndex } from "../../../generators/space/spaceIndex";
import type { BuiltinProfileName } from "../../profile/builtinProfiles";
import { misbehaviourIds, type Fault, type Misbehaviour } from "./Fault";

/** The profiles to draw from, each with its space and the levels its reference cannot be set up for. */
export interface FaultSource {
  readonly profile: BuiltinProfileName;
  readonly space: InputSpace;
  readonly unavailable: ReadonlySet<string>;
}

const noImage = (p: readonly LevelRef[]): boolean =>
  p.some((r) => r.dimension === "image" && (r.level === "missing" || r.level === "malformed"));
const badToken = (p: readonly LevelRef[]): boolean =>
  p.some((r) => r.dimension === "credential" && r.level !== "valid");

/** The misbehaviours that can show on a request the predicate picks out (a fault that cannot is no fault). */
export function applicable(predicate: readonly LevelRef[]): Misbehaviour[] {
  return misbehaviourIds.filter((m) => {
    if (m === "accept-credential") return badToken(predicate);
    if (m === "other-tag" || m === "field") return !noImage(predicate);
    return true;
  });
}

/**
 * N faults drawn at random from the model, none hand-picked: a profile, a predicate over one level (a third of
 * them) or two levels of two dimensions that some request can have (pairs the rules call infeasible, and levels
 * the reference cannot be set up for, never fire: they are not faults), times a misbehaviour that can show there.
 */
export function drawFaults(n: number, seed: number, sources: readonly FaultSource[]): Fault[] {
  const rng = prng(seed);
  const out: Fault[] = [];
  while (out.length < n) {
    const source = pick(rng, sources);
    const index = spaceIndex(source.space);
    const usable = index.refs.filter((r) => !source.unavailable.has(`${r.dimension}=${r.level}`));
    const a = pick(rng, usable);
    let predicate: LevelRef[] = [a];
    if (rng() >= 1 / 3) {
      // A second level some request can have with the first: drawn again until one is (a pair rejected never
      // sends the draw back to the one-or-two coin, so a third of the faults stay single-level).
      const ia = index.indexOf(a.dimension, a.level);
      const partners = usable.filter((b) => {
        const ib = index.indexOf(b.dimension, b.level);
        return (
          ia !== undefined &&
          ib !== undefined &&
          a.dimension !== b.dimension &&
          index.why(ia, ib) === undefined
        );
      });
      if (partners.length === 0) continue;
      predicate = [a, pick(rng, partners)];
    }
    const misbehaviour = pick(rng, applicable(predicate));
    out.push({ index: out.length, profile: source.profile, predicate, misbehaviour });
  }
  return out;
}

/** The 95 % Wilson score interval of a proportion (caught of drawn). */
export function wilson(caught: number, n: number): { readonly low: number; readonly high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const z = 1.96;
  const p = caught / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
