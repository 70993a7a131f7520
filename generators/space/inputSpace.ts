import type { Profile } from "../../src/profile/Profile";
import { flagOf, flagsOf } from "../../src/profile/tagFlags";
import { pathSafe, tagRules } from "../tagRules";
import { charClassIds } from "./charClasses";
import { compositionIds } from "./composition";
import { derive, type Derivation } from "./derive";
import { dimensionIds, type Dimension, type DimensionId, type Side } from "./Dimension";
import { charsDimension } from "./dimensions/charsDimension";
import { countDimension } from "./dimensions/countDimension";
import { credentialDimension } from "./dimensions/credentialDimension";
import { imageDimension } from "./dimensions/imageDimension";
import { lengthDimension } from "./dimensions/lengthDimension";
import { neighbourDimension } from "./dimensions/neighbourDimension";
import { answerDimension } from "./dimensions/answerDimension";
import { positionDimension } from "./dimensions/positionDimension";
import { presenceDimension } from "./dimensions/presenceDimension";
import { requestDimension } from "./dimensions/requestDimension";
import { lengthLevels, type LengthLevel } from "./lengthLevels";
import type { Observation } from "./Observation";
import { answerRules, expectationOf, type Expectation } from "./oracle";
import { realizeTag, type TagSpec } from "./realizeTag";
import { relationsOf, type Relation } from "./relations";

/** The levels of each dimension a request falls in (a dimension that does not apply is left out). */
export type LevelsOf = Partial<Record<DimensionId, readonly string[]>>;

/** A level of the model that this profile's space leaves out, and why (never silently). */
export interface ExcludedLevel {
  readonly dimension: DimensionId;
  readonly level: string;
  readonly why: string;
}

/** The input space of the subject operation for one profile: its dimensions and the judge of every request. */
export interface InputSpace {
  readonly profile: Profile;
  readonly lengths: readonly LengthLevel[];
  /** Only the levels in this profile's space. */
  readonly dimensions: readonly Dimension[];
  readonly excluded: readonly ExcludedLevel[];
  /** The tags the space builds from (every length, composition and edge), each with its side. */
  readonly sample: readonly { readonly spec: TagSpec; readonly tag: string; readonly side: Side }[];
  sideOf(tag: string): Side | "unsendable";
  /**
   * Whether an image may carry the tag: the schema accepts it and no flag lets the target refuse to store it
   * (openstack-glance: a 4-byte character, which Glance refuses on create; --strict drops the flags).
   */
  storable(tag: string): boolean;
  /** The longest tag an image may carry: the schema's maxLength, or the Image API's 255 without one. */
  readonly longest: number;
  expectation(obs: Observation): Expectation;
  levelsOf(obs: Observation): LevelsOf;
}

/** The derivation that makes, from a tag t, another tag u standing in this relation to t. */
export const derivationFor: Readonly<Record<Relation, Derivation>> = {
  case: "case",
  accent: "accent",
  combining: "combining",
  normalization: "normalization",
  prefix: "prefix",
  suffix: "suffix",
  extension: "extension",
  "pre-extension": "pre-extension",
};

/** The derivation that makes, from a tag u on the image, an absent tag t to which u stands in this relation. */
export const inverseDerivationFor: Readonly<Record<Relation, Derivation>> = {
  case: "case",
  accent: "base",
  combining: "base",
  normalization: "normalization",
  prefix: "extension",
  suffix: "pre-extension",
  extension: "prefix",
  "pre-extension": "suffix",
};

/** Specs over every length, composition and edge class: the tags each tag level's sides are decided on. */
function sampleSpecs(lengths: readonly LengthLevel[]): TagSpec[] {
  const edges: (readonly ["first" | "last", (typeof charClassIds)[number]] | undefined)[] = [
    undefined,
    ...charClassIds.flatMap((c) => [["first", c] as const, ["last", c] as const]),
  ];
  const out: TagSpec[] = [];
  // Both edges set, over the widest compositions: every pair of a first and a last character's class.
  const spread = [lengths[2], lengths[lengths.length - 1]].filter((l) => l !== undefined);
  for (const l of spread)
    for (const chars of ["punct", "space", "non-ascii", "astral"] as const)
      for (const first of charClassIds)
        for (const last of charClassIds) out.push({ length: l.id, pick: 0, chars, first, last, variant: 1 });
  for (const l of lengths)
    for (const chars of compositionIds)
      for (const edge of edges)
        for (const variant of [0, 3])
          out.push({
            length: l.id,
            pick: variant,
            chars,
            first: edge?.[0] === "first" ? edge[1] : "same",
            last: edge?.[0] === "last" ? edge[1] : "same",
            variant,
          });
  return out;
}

const cache = new WeakMap<Profile, InputSpace>();

/**
 * The input space of the profile, built once: the dimensions of the whole operation (the tag's length,
 * characters and edges; the tag's presence and near misses on the image; how many tags the image carries; which
 * image, whose and how visible; the credential; the request), each level's side decided by the profile's own
 * schema on the level's examples, and the levels no core case can reach left out with the reason.
 */
export function inputSpace(profile: Profile): InputSpace {
  let space = cache.get(profile);
  if (space === undefined) cache.set(profile, (space = buildInputSpace(profile)));
  return space;
}

function buildInputSpace(profile: Profile): InputSpace {
  const schemaRules = tagRules(profile);
  const lengths = lengthLevels(schemaRules);
  const longest = schemaRules.generationMax;
  const sideOf = (tag: string): Side | "unsendable" => {
    if (!pathSafe(tag) || tag.length === 0) return "unsendable";
    if (profile.checkTag(tag).length > 0) return "invalid";
    return flagOf(profile.tagFlags, tag) === undefined ? "valid" : "flagged";
  };
  // Without a documented maximum the model's lengths end at the Image API's 255, and so do the tags it stores
  // (Glance refuses a longer one on create).
  const storable = (tag: string): boolean =>
    profile.checkTag(tag).length === 0 &&
    Array.from(tag).length <= longest &&
    flagsOf(profile.tagFlags, tag).every((f) => !f.allows.some((a) => a.operation === "createImage"));
  const documented = profile.documentedStatuses;
  const expectation = (obs: Observation): Expectation =>
    expectationOf(obs, sideOf(obs.tag) === "valid", documented, profile.outsideSchemaStatuses);
  const rules = answerRules.filter((r) => documented.includes(Number(r.slice(0, 3))));
  const all: Dimension[] = [
    lengthDimension(lengths),
    charsDimension(),
    positionDimension("first"),
    positionDimension("last"),
    presenceDimension(),
    neighbourDimension(storable),
    countDimension(),
    imageDimension(),
    credentialDimension(),
    requestDimension(),
    answerDimension(rules, expectation),
  ];
  const excluded: ExcludedLevel[] = [];
  // Tag levels: the sides their sample tags fall on. A level whose tags are all flagged is the flagged scenarios'.
  const sample = sampleSpecs(lengths).flatMap((spec) => {
    const tag = realizeTag(spec, lengths);
    if (tag === undefined) return [];
    const side = sideOf(tag);
    return side === "unsendable" ? [] : [{ spec, tag, side }];
  });
  const sides = new Map<string, Set<Side>>();
  for (const s of sample) {
    const obs: Observation = { tag: s.tag, image: "missing", credential: "valid", body: false };
    for (const d of all.slice(0, 4))
      for (const level of d.classify(obs) ?? []) {
        const key = `${d.id}=${level}`;
        sides.set(key, (sides.get(key) ?? new Set()).add(s.side));
      }
  }
  const core = sample.filter((s) => s.side !== "flagged");
  const dimensions = all.map((d): Dimension => {
    const levels = d.levels.flatMap((l) => {
      if (["length", "chars", "first", "last"].includes(d.id)) {
        const found = [...(sides.get(`${d.id}=${l.id}`) ?? [])];
        const usable = found.filter((s) => s !== "flagged");
        if (usable.length === 0) {
          const flag = profile.tagFlags[0];
          excluded.push({
            dimension: d.id,
            level: l.id,
            why:
              found.includes("flagged") && flag !== undefined
                ? "every such tag falls under a flagged rule: the flagged scenarios prove them"
                : "no tag one path segment can carry has it",
          });
          return [];
        }
        return [{ ...l, sides: found }];
      }
      if (d.id === "neighbour" && l.id !== "none") {
        const why = relationProblem(l.id as Relation, core, storable, (t) => {
          const side = sideOf(t);
          return side === "valid" || side === "invalid";
        });
        if (why !== undefined) {
          excluded.push({ dimension: d.id, level: l.id, why });
          return [];
        }
      }
      return [l];
    });
    return { ...d, levels };
  });
  const levelsOf = (obs: Observation): LevelsOf => {
    const out: LevelsOf = {};
    for (const d of all) {
      const found = d.classify(obs);
      if (found !== undefined) out[d.id] = found;
    }
    return out;
  };
  return {
    profile,
    lengths,
    dimensions,
    excluded,
    sample,
    sideOf,
    storable,
    longest,
    expectation,
    levelsOf,
  };
}

/** Why no core request can have another tag in this relation on its image, if none can. */
function relationProblem(
  relation: Relation,
  core: readonly { readonly tag: string }[],
  storable: (tag: string) => boolean,
  sendable: (tag: string) => boolean,
): string | undefined {
  // The tag named must be one an image could carry (the dimension applies to no other), and so its near miss.
  for (const { tag: t } of core) {
    if (!storable(t) || !sendable(t)) continue;
    const u = derive(t, derivationFor[relation]);
    if (u !== undefined && storable(u) && relationsOf(t, u).includes(relation)) return undefined;
  }
  for (const { tag: u } of core) {
    if (!storable(u)) continue;
    const t = derive(u, inverseDerivationFor[relation]);
    if (t !== undefined && storable(t) && sendable(t) && relationsOf(t, u).includes(relation))
      return undefined;
  }
  return relation === "normalization"
    ? "only a non-ASCII tag has another normal form, and the profile rejects or flags non-ASCII tags in the path"
    : "the related tag would be outside the profile's tag schema, so no image can carry it";
}

export { dimensionIds };
