import { MatchersV3 } from "@pact-foundation/pact";
import { STATUS_CODES } from "node:http";
import type { Profile } from "../src/profile/Profile";
import { tagRules } from "../generators/tagRules";

type Schema = Readonly<Record<string, unknown>>;

/** JSON Schema patterns match anywhere in a string (ECMA-262); Pact's regex must match it whole. */
export function wholeMatch(pattern: string): string {
  const head = pattern.startsWith("^") ? pattern.slice(1) : `.*${pattern}`;
  return `^${head.endsWith("$") ? head.slice(0, -1) : `${head}.*`}$`;
}

/** A body matcher from the documented error schema: the members it requires, typed (and patterned) as it says. */
export function errorBodyMatcher(profile: Profile, status: number): Record<string, unknown> {
  const content = (
    profile.document.paths?.["/v2/images/{image_id}/tags/{tag}"]?.delete?.responses[String(status)] as
      { content?: Record<string, { schema?: Schema }> } | undefined
  )?.content;
  const schema = content?.["application/json"]?.schema ?? {};
  const required = Array.isArray(schema["required"]) ? (schema["required"] as string[]) : [];
  const properties = (schema["properties"] ?? {}) as Record<string, Schema>;
  const title = STATUS_CODES[status] ?? "Error";
  const examples: Record<string, string> = { message: `${title}.`, code: `${status} ${title}`, title };
  const body: Record<string, unknown> = {};
  for (const name of required) {
    const p = properties[name] ?? {};
    const example = examples[name] ?? name;
    body[name] =
      typeof p["pattern"] === "string"
        ? MatchersV3.regex(wholeMatch(p["pattern"]), example)
        : MatchersV3.like(example);
  }
  return body;
}

/** The subject's path as a regex: a UUID for the image id, the profile's tag pattern for the tag. */
export function pathRegex(profile: Profile): string {
  const pattern = tagRules(profile).pattern?.source.replace(/^\^/, "").replace(/\$$/, "") ?? "[^/]+";
  return `^/v2/images/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/tags/(${pattern})$`;
}

/** A path matcher whose value the provider state supplies at verification (fromProviderState with a regex). */
export function pathFromState(profile: Profile, example: string): unknown {
  return {
    "pact:matcher:type": "regex",
    regex: pathRegex(profile),
    "pact:generator:type": "ProviderState",
    expression: "/v2/images/${imageId}/tags/${tag}",
    value: example,
  };
}

/** A literal as a regex that matches it in any letter case, without flags (Pact's regexes take none). */
export function anyCase(literal: string): string {
  return Array.from(literal)
    .map((c) => {
      const lower = c.toLowerCase();
      const upper = c.toUpperCase();
      if (lower !== upper) return `[${lower}${upper}]`;
      return /[.*+?^${}()|[\]\\]/.test(c) ? `\\${c}` : c;
    })
    .join("");
}

/**
 * The Content-Type of a JSON error answer, as RFC 9110 allows it: the media type in any letter case (§8.3.1),
 * with or without parameters such as `; charset=UTF-8` (§8.3). Pact matches a header's regex against the whole
 * value, so the parameters are spelled out.
 */
export const jsonContentTypeRegex = `^${anyCase("application/json")}[ \\t]*(;.*)?$`;
