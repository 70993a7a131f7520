import type { Dimension } from "../Dimension";
import type { Observation } from "../Observation";
import type { AnswerRule, Expectation } from "../oracle";

const titles: Readonly<Record<AnswerRule, string>> = {
  "204": "204: a valid tag the caller's own image carries is deleted",
  "400-body": "400: the request carries a body (on the caller's own image)",
  "400-tag": "400: the tag is outside the schema (on the caller's own image)",
  "400-elsewhere":
    "400 or the image's 404/403: a body or a tag outside the schema, on another's image or none (unordered)",
  "401": "401: no valid token",
  "403": "403: an image the caller sees but does not own",
  "404-image": "404: an image the caller cannot see (or none)",
  "404-tag": "404: a valid tag the caller's own image lacks",
};

/**
 * The rule of the documents that decides the answer (the status, and why): every other level is crossed with
 * each rule it can meet, so that each rule is judged on every kind of tag, image and request.
 */
export function answerDimension(
  rules: readonly AnswerRule[],
  expectation: (obs: Observation) => Expectation,
): Dimension {
  return {
    id: "answer",
    title: "the rule that decides the answer",
    levels: rules.map((r) => ({
      id: r,
      title: titles[r],
      source: "the profile's responses and their order",
    })),
    classify: (obs) => [expectation(obs).rule],
  };
}
