import { exampleTags } from "../generators/exampleTags";
import type { Profile } from "../src/profile/Profile";

export type Caller = "owner" | "alt" | "none";

/** Provider states, named after the situation; verification builds each from the fixture operations. */
export const states = {
  ownImageWithTag: "an own image with a tag",
  sharedImage: "an image shared with the caller's project",
  noImage: "no image with that id",
  serviceFails: "the service fails",
  serviceUnavailable: "the service is unavailable",
} as const;

export interface InteractionSpec {
  readonly status: number;
  readonly description: string;
  readonly state: string;
  readonly caller: Caller;
  readonly tag: string;
  /** A JSON body on the DELETE: the documented 400. */
  readonly body?: unknown;
  /** The path names an image the state created (fromProviderState), or a random missing one. */
  readonly imageFromState: boolean;
}

/** The tag the contracts use: the document's own example when one path segment carries it as is. */
export function contractTag(profile: Profile): string {
  const example = (profile.document.components?.parameters?.["tag"] as { example?: unknown } | undefined)
    ?.example;
  if (
    typeof example === "string" &&
    encodeURIComponent(example) === example &&
    profile.checkTag(example).length === 0
  )
    return example;
  const tags = exampleTags(profile);
  return "target" in tags ? tags.target : "itc-delete-me";
}

/** One interaction per documented status the suite knows how to set up, for this profile. */
export function interactionsFor(profile: Profile): InteractionSpec[] {
  const tag = contractTag(profile);
  const all: InteractionSpec[] = [
    {
      status: 204,
      description: "delete a tag present on an own image",
      state: states.ownImageWithTag,
      caller: "owner",
      tag,
      imageFromState: true,
    },
    {
      status: 400,
      description: "delete with a request body",
      state: states.ownImageWithTag,
      caller: "owner",
      tag,
      body: { tag },
      imageFromState: true,
    },
    {
      status: 401,
      description: "delete without a token",
      state: states.ownImageWithTag,
      caller: "none",
      tag,
      imageFromState: true,
    },
    {
      status: 403,
      description: "delete a tag of an image shared with the caller",
      state: states.sharedImage,
      caller: "alt",
      tag,
      imageFromState: true,
    },
    {
      status: 404,
      description: "delete a tag of an image that does not exist",
      state: states.noImage,
      caller: "owner",
      tag,
      imageFromState: false,
    },
    {
      status: 500,
      description: "delete while the service fails",
      state: states.serviceFails,
      caller: "owner",
      tag,
      imageFromState: true,
    },
    {
      status: 503,
      description: "delete while the service is unavailable",
      state: states.serviceUnavailable,
      caller: "owner",
      tag,
      imageFromState: true,
    },
  ];
  return all.filter((i) => profile.documentedStatuses.includes(i.status));
}
