import type { Profile } from "../src/profile/Profile";

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

const valid = { target: "itc-delete-me", others: ["itc-keep-a", "itc-keep-b"], absent: "itc-never-added" };

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

/** The example tags for a profile, or the reason the profile's tag schema rejects the suite's valid tags. */
export function exampleTags(profile: Profile): ExampleTags | { readonly problem: string } {
  for (const tag of [valid.target, ...valid.others, valid.absent]) {
    const problems = profile.checkTag(tag);
    if (problems.length > 0)
      return { problem: `the profile's tag schema rejects the example tag "${tag}": ${problems.join("; ")}` };
  }
  const outsideSchema = outsideCandidates.find((t) => profile.checkTag(t).length > 0);
  return { ...valid, outsideSchema };
}
