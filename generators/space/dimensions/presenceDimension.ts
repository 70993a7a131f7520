import type { Dimension } from "../Dimension";

/** Whether the image carries the tag the request names. */
export function presenceDimension(): Dimension {
  return {
    id: "presence",
    title: "the tag on the image",
    levels: [
      { id: "present", title: "the image carries the tag", source: "Image API v2: 204" },
      { id: "absent", title: "the image does not carry it", source: "Image API v2: 404" },
    ],
    classify: (obs) =>
      typeof obs.image === "string" ? undefined : [obs.image.tags.includes(obs.tag) ? "present" : "absent"],
  };
}
