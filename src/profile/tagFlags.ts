import { ConfigError } from "../config/ConfigError";
import type { SchemaCheck } from "./SchemaCheck";

/**
 * A flagged rule of the tag parameter (`x-itc-flagged` in the profile), after the OpenStack interop
 * guidelines' flagged tests: a documented rule that the upstream implementation itself does not meet, so no
 * deployment of it can. Tags containing one of its characters are left out of the core scenarios and proved
 * by a flagged scenario of their own, whose failure is reported and does not decide the verdict (--strict
 * drops the flags: every rule is then required).
 */
export interface TagFlag {
  /** Stable: the flagged scenario is named `204-flagged-<id>`. */
  readonly id: string;
  /** Matches one character (code point); a tag containing such a character falls under the flag. */
  readonly characters: RegExp;
  /** The rule, as the documents state it. */
  readonly rule: string;
  /** Why it is flagged: the upstream behaviour that misses it. */
  readonly reason: string;
  /** Where and when that was measured, or the upstream bug. */
  readonly evidence: string;
}

/** The shape of `x-itc-flagged`, checked with the profile's own JSON Schema validator. */
export const tagFlagsSchema = {
  type: "array",
  items: {
    type: "object",
    required: ["id", "characters", "rule", "reason", "evidence"],
    additionalProperties: false,
    properties: {
      id: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
      characters: { type: "string", minLength: 1 },
      rule: { type: "string", minLength: 1 },
      reason: { type: "string", minLength: 1 },
      evidence: { type: "string", minLength: 1 },
    },
  },
} as const;

interface RawFlag {
  readonly id: string;
  readonly characters: string;
  readonly rule: string;
  readonly reason: string;
  readonly evidence: string;
}

/** Reads the tag parameter's `x-itc-flagged`; a malformed one is a bad profile, said in one line. */
export function parseTagFlags(raw: unknown, check: SchemaCheck, source: string): readonly TagFlag[] {
  const bad = (why: string): never => {
    throw new ConfigError("bad-profile", `profile ${source}: x-itc-flagged ${why}`);
  };
  if (raw === undefined) return [];
  const problems = check(raw);
  if (problems.length > 0) bad(problems.join("; "));
  const flags = raw as readonly RawFlag[];
  const ids = flags.map((f) => f.id);
  if (new Set(ids).size !== ids.length) bad(`ids repeat: ${ids.join(", ")}`);
  return flags.map((f) => {
    let characters: RegExp;
    try {
      characters = new RegExp(`^(?:${f.characters})$`, "u");
    } catch {
      return bad(`${f.id}: characters is not a regular expression: ${f.characters}`);
    }
    return { ...f, characters };
  });
}

/** The first flag the tag falls under (it contains one of the flag's characters), if any. */
export function flagOf(flags: readonly TagFlag[], tag: string): TagFlag | undefined {
  return flags.find((f) => Array.from(tag).some((c) => f.characters.test(c)));
}

/** The profile with every rule required (--strict): no flags, so no tag is left out of the core scenarios. */
export function withoutFlags<P extends { readonly tagFlags: readonly TagFlag[] }>(profile: P): P {
  return profile.tagFlags.length === 0 ? profile : { ...profile, tagFlags: [] };
}
