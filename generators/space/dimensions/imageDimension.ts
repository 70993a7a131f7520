import type { Dimension } from "../Dimension";
import type { Observation } from "../Observation";

/** The image a request names, from the caller's side: whose it is, who may see it, or none at all. */
export const imageLevelIds = [
  "own-private",
  "own-shared",
  "own-community",
  "own-public",
  "other-private",
  "other-shared",
  "other-shared-pending",
  "other-shared-accepted",
  "other-community",
  "other-public",
  "missing",
  "malformed",
] as const;
export type ImageLevelId = (typeof imageLevelIds)[number];

const titles: Readonly<Record<ImageLevelId, string>> = {
  "own-private": "the caller's private image",
  "own-shared": "the caller's image with shared visibility",
  "own-community": "the caller's community image",
  "own-public": "the caller's public image",
  "other-private": "another project's private image (invisible: 404)",
  "other-shared": "another project's shared image, the caller not a member (invisible: 404)",
  "other-shared-pending": "another project's image shared with the caller, not yet accepted (visible: 403)",
  "other-shared-accepted": "another project's image shared with the caller and accepted (visible: 403)",
  "other-community": "another project's community image (visible: 403)",
  "other-public": "another project's public image (visible: 403)",
  missing: "an image id that names no image (a random UUID)",
  malformed: "an id that is no UUID (braces, short, overlong)",
};

/** The image level of a request, by what the request names and the caller's view of it. */
export function imageLevelOf(image: Observation["image"]): ImageLevelId {
  if (typeof image === "string") return image;
  if (image.mine) return `own-${image.visibility}`;
  if (image.visibility !== "shared") return `other-${image.visibility}`;
  return image.member === "none"
    ? "other-shared"
    : image.member === "pending"
      ? "other-shared-pending"
      : "other-shared-accepted";
}

export function imageDimension(): Dimension {
  return {
    id: "image",
    title: "the image named",
    levels: imageLevelIds.map((id) => ({
      id,
      title: titles[id],
      source: "Image API v2 visibility and sharing: an invisible image is 404, a visible one not owned 403",
    })),
    classify: (obs) => [imageLevelOf(obs.image)],
  };
}
