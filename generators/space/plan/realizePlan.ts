import { derive } from "../derive";
import type { ImageLevelId } from "../dimensions/imageDimension";
import type { InputSpace } from "../inputSpace";
import type { CredentialId, ImageState, Observation } from "../Observation";
import type { Expectation } from "../oracle";
import { prng } from "../prng";
import { realizeTag } from "../realizeTag";
import { relationsOf } from "../relations";
import type { PlanValue, TagSource } from "./PlanValue";

/** One request of a realized plan, as it meets the image (the tags it carries at that moment). */
export interface RealStep {
  readonly tag: string;
  readonly credential: CredentialId;
  readonly body: boolean;
  readonly variant: number;
  readonly obs: Observation;
  readonly expectation: Expectation;
}

export type ImageSetup = Omit<ImageState, "tags"> | "missing" | "malformed";

/** A plan made concrete: the image to set up, its tags, the id to name when there is none, the requests. */
export interface RealPlan {
  readonly value: PlanValue;
  readonly image: ImageLevelId;
  readonly setup: ImageSetup;
  /** The image's tags when created, fillers included. */
  readonly tags: readonly string[];
  /** The id to name when the plan creates no image (missing, malformed). */
  readonly imageId?: string;
  readonly steps: readonly RealStep[];
}

const maxFill = 60;

function setupOf(level: ImageLevelId): ImageSetup {
  if (level === "missing" || level === "malformed") return level;
  if (level.startsWith("own-"))
    return { mine: true, visibility: level.slice(4) as ImageState["visibility"], member: "none" };
  if (level === "other-shared-pending") return { mine: false, visibility: "shared", member: "pending" };
  if (level === "other-shared-accepted") return { mine: false, visibility: "shared", member: "accepted" };
  return { mine: false, visibility: level.slice(6) as ImageState["visibility"], member: "none" };
}

const hex = (rng: () => number, n: number): string =>
  Array.from({ length: n }, () => "0123456789abcdef"[Math.floor(rng() * 16)] ?? "0").join("");

/** A UUID v4 drawn from the salt: names no image (a chance of 2^-122), the same on replay. */
export function missingIdOf(salt: number): string {
  const rng = prng(salt ^ 0x5bd1e995);
  return `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${"89ab"[Math.floor(rng() * 4)] ?? "8"}${hex(rng, 3)}-${hex(rng, 12)}`;
}

/** An id that is no UUID, drawn from the salt: in braces, cut short, or too long. */
export function malformedIdOf(salt: number): string {
  const id = missingIdOf(salt);
  const n = Math.abs(salt) % 3;
  return n === 0 ? `{${id}}` : n === 1 ? id.slice(0, 8 + (Math.abs(salt) % 20)) : `${id}${id.slice(0, 6)}`;
}

/** Filler tags: letters and digits drawn from the salt, related to no other tag of the plan. */
function fillers(count: number, salt: number, taken: readonly string[]): string[] {
  const rng = prng(salt);
  const out: string[] = [];
  const alphabet = "abcdefghijkmnopqrstuvwxyz23456789";
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const t = Array.from({ length: 9 }, () => alphabet[Math.floor(rng() * alphabet.length)] ?? "a").join("");
    const all = [...taken, ...out];
    if (all.every((u) => u !== t && relationsOf(t, u).length === 0 && relationsOf(u, t).length === 0))
      out.push(t);
  }
  return out;
}

function tagOf(source: TagSource, space: InputSpace): string | undefined {
  const t = realizeTag(source.spec, space.lengths);
  return t === undefined || source.how === undefined ? t : derive(t, source.how);
}

/**
 * The plan made concrete, its expected answers simulated request by request (a 204 removes the tag), or
 * undefined when a tag of it cannot be built (a derivation the tag has none of, a step naming no tag).
 */
export function realizePlan(value: PlanValue, space: InputSpace): RealPlan | undefined {
  const setup = setupOf(value.image);
  const own: string[] = [];
  for (const source of value.tags) {
    const t = tagOf(source, space);
    // An image carries only tags the schema accepts and no flag covers (a target may refuse to store those, as
    // Glance refuses a 4-byte character): a plan that would need another cannot be set up.
    if (t === undefined || !space.storable(t)) return undefined;
    if (!own.includes(t)) own.push(t);
  }
  const named: string[] = [];
  for (const step of value.steps) {
    const t = "on" in step.tag ? own[step.tag.on % Math.max(1, own.length)] : tagOf(step.tag, space);
    if (t === undefined) return undefined;
    named.push(t);
  }
  const hasImage = typeof setup !== "string";
  const fill = hasImage
    ? fillers(Math.min(maxFill, Math.max(0, value.fill)), value.salt, [...own, ...named])
    : [];
  const tags = hasImage ? [...own, ...fill] : [];
  let current = [...tags];
  const steps: RealStep[] = [];
  value.steps.forEach((step, i) => {
    const tag = named[i] ?? "";
    for (let k = 0; k < (step.again === true ? 2 : 1); k++) {
      const obs: Observation = {
        tag,
        image: typeof setup === "string" ? setup : { ...setup, tags: current },
        credential: step.credential,
        body: step.body,
      };
      const expectation = space.expectation(obs);
      steps.push({
        tag,
        credential: step.credential,
        body: step.body,
        variant: step.variant,
        obs,
        expectation,
      });
      if (expectation.statuses[0] === 204) current = current.filter((t) => t !== tag);
    }
  });
  return {
    value,
    image: value.image,
    setup,
    tags,
    ...(setup === "missing"
      ? { imageId: missingIdOf(value.salt) }
      : setup === "malformed"
        ? { imageId: malformedIdOf(value.salt) }
        : {}),
    steps,
  };
}
