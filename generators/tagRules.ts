import type { Profile } from "../src/profile/Profile";

/** What the profile's tag schema says, read from the schema itself (never a second copy of its rules). */
export interface TagRules {
  readonly pattern: RegExp | undefined;
  readonly minLength: number;
  /** The documented maximum, if any. */
  readonly maxLength: number | undefined;
  /** The longest tag generated as valid: the documented maximum, or 255 (the Image API's own limit) if none. */
  readonly generationMax: number;
}

export function tagRules(profile: Profile): TagRules {
  const s = profile.tagSchema;
  const pattern = typeof s["pattern"] === "string" ? new RegExp(s["pattern"], "u") : undefined;
  const minLength = typeof s["minLength"] === "number" ? s["minLength"] : 0;
  const maxLength = typeof s["maxLength"] === "number" ? s["maxLength"] : undefined;
  return { pattern, minLength: Math.max(1, minLength), maxLength, generationMax: maxLength ?? 255 };
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether one path segment can carry the tag faithfully: "." and ".." are removed as dot segments
 * (RFC 3986 §5.2.4), "/" (sent as %2F) is decoded into a separator by many front ends, and a lone surrogate
 * has no UTF-8 encoding at all.
 */
export function pathSafe(tag: string): boolean {
  return tag !== "." && tag !== ".." && !tag.includes("/") && !loneSurrogate.test(tag);
}
