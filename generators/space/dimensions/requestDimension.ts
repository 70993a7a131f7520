import type { Dimension } from "../Dimension";

/** The request itself beyond its path and token: whether it carries a body, which the operation does not take. */
export function requestDimension(): Dimension {
  return {
    id: "request",
    title: "the request",
    levels: [
      { id: "plain", title: "no body", source: "the seed page: DELETE with no request parameters" },
      {
        id: "body",
        title: "a JSON body",
        source: 'the seed page: "Request parameters: None" (Glance 25.1.0 answers 400)',
      },
    ],
    classify: (obs) => [obs.body ? "body" : "plain"],
  };
}
