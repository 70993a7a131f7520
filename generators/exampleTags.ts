import type { Profile } from "../src/profile/Profile";
import { prng } from "./space/prng";

/** Tags for example scenarios, each checked against the profile's tag schema rather than assumed valid. */
export interface ExampleTags {
  /** The tag a scenario deletes. */
  readonly target: string;
  /** Tags that must survive every delete. */
  readonly others: readonly string[];
  /** A valid tag never added to any image. */
  readonly absent: string;
  /** A tag the profile's schema rejects but one path segment can carry; undefined when the schema rejects none. */
  readonly outsideSchema: string | undefined;
}

const fixed = { target: "itc-delete-me", others: ["itc-keep-a", "itc-keep-b"], absent: "itc-never-added" };

// One character outside a digits/letters/_/- alphabet, same length, so no length rule is what rejects it.
const outsideCandidates = [
  "itc.outside",
  "itc!outside",
  "itc~outside",
  "itc+outside",
  "itc=outside",
  "itc outside",
  "itc:outside",
];

/**
 * Four tags drawn from the seed: a letter, then seven letters or digits (a shape every profile's schema accepts),
 * so that a target cannot know the suite's tags in advance; the same seed gives the same tags.
 */
function drawn(seed: number): typeof fixed {
  const rng = prng(seed ^ 0x2f6b3c1d);
  const letters = "abcdefghijkmnpqrstuvwxyz";
  const alnum = `${letters}23456789`;
  const one = (): string =>
    (letters[Math.floor(rng() * letters.length)] ?? "a") +
    Array.from({ length: 7 }, () => alnum[Math.floor(rng() * alnum.length)] ?? "a").join("");
  const out = new Set<string>();
  while (out.size < 4) out.add(one());
  const [target = "", a = "", b = "", absent = ""] = [...out];
  return { target, others: [a, b], absent };
}

/**
 * The example tags for a profile, or the reason the profile's tag schema rejects the suite's valid tags: drawn
 * from the seed for a run; without one, the fixed ones the Pact contracts' example values are made of.
 */
export function exampleTags(profile: Profile, seed?: number): ExampleTags | { readonly problem: string } {
  const valid = seed === undefined ? fixed : drawn(seed);
  for (const tag of [valid.target, ...valid.others, valid.absent]) {
    const problems = profile.checkTag(tag);
    if (problems.length > 0)
      return { problem: `the profile's tag schema rejects the example tag "${tag}": ${problems.join("; ")}` };
  }
  const outsideSchema = outsideCandidates
    .map((t) =>
      seed === undefined
        ? t
        : t.replace("itc", valid.target.slice(0, 3)).replace("outside", valid.absent.slice(0, 7)),
    )
    .find((t) => profile.checkTag(t).length > 0);
  return { ...valid, outsideSchema };
}
