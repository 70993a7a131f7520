import { ConfigError } from "../config/ConfigError";
import type { SchemaCheck } from "./SchemaCheck";

/** The operations a flag's allowance may name: those the flagged scenario sends a tag under the flag to. */
export const allowableOperations = ["createImage", "addImageTag", "deleteImageTag"] as const;
export type AllowableOperation = (typeof allowableOperations)[number];

/**
 * One deviation a flag excuses, instead of the rule: an operation answering a documented 4xx for a tag under
 * the flag (and changing nothing), or the path's tag read as another tag (a PUT adds exactly one other tag,
 * which the same path's DELETE then removes). Nothing else is excused: a 5xx, an undocumented status, another
 * tag or image changed, a wrong 401, all still fail the verdict.
 */
export type Allowance =
  | { readonly operation: AllowableOperation; readonly status: number }
  | { readonly operation: "addImageTag"; readonly stores: "another-tag" };

/**
 * A flagged rule of the tag parameter (`x-itc-flagged` in the profile), after the OpenStack interop
 * guidelines' flagged tests: a documented rule that the upstream implementation itself does not meet, so no
 * deployment of it can. Tags containing one of its characters (and that the schema accepts) are left out of
 * the core scenarios and proved by a flagged scenario of their own. Its failure is reported and does not decide
 * the verdict as long as the target deviates only as the flag allows (--strict drops the flags).
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
  /** What the flag excuses instead of the rule, and nothing else. */
  readonly allows: readonly Allowance[];
}

/** The shape of `x-itc-flagged`, checked with the profile's own JSON Schema validator. */
export const tagFlagsSchema = {
  type: "array",
  items: {
    type: "object",
    required: ["id", "characters", "rule", "reason", "evidence", "allows"],
    additionalProperties: false,
    properties: {
      id: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
      characters: { type: "string", minLength: 1 },
      rule: { type: "string", minLength: 1 },
      reason: { type: "string", minLength: 1 },
      evidence: { type: "string", minLength: 1 },
      allows: {
        type: "array",
        minItems: 1,
        items: {
          oneOf: [
            {
              type: "object",
              required: ["operation", "status"],
              additionalProperties: false,
              properties: {
                operation: { enum: allowableOperations },
                status: { type: "integer", minimum: 400, maximum: 499 },
              },
            },
            {
              type: "object",
              required: ["operation", "stores"],
              additionalProperties: false,
              properties: { operation: { const: "addImageTag" }, stores: { const: "another-tag" } },
            },
          ],
        },
      },
    },
  },
} as const;

interface RawFlag {
  readonly id: string;
  readonly characters: string;
  readonly rule: string;
  readonly reason: string;
  readonly evidence: string;
  readonly allows: readonly Allowance[];
}

/**
 * Reads the tag parameter's `x-itc-flagged`; a malformed one is a bad profile, said in one line. An allowed
 * status must be one the operation documents (a flag cannot excuse an undocumented answer).
 */
export function parseTagFlags(
  raw: unknown,
  check: SchemaCheck,
  source: string,
  documented: (operation: AllowableOperation) => readonly number[],
): readonly TagFlag[] {
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
    for (const a of f.allows)
      if ("status" in a && !documented(a.operation).includes(a.status))
        bad(`${f.id}: allows ${a.operation} to answer ${a.status}, which that operation does not document`);
    return { ...f, characters };
  });
}

/** The first flag the tag falls under (it contains one of the flag's characters), if any. */
export function flagOf(flags: readonly TagFlag[], tag: string): TagFlag | undefined {
  return flags.find((f) => Array.from(tag).some((c) => f.characters.test(c)));
}

/**
 * Every flag the tag falls under. A tag is proved by the scenario of the first (flagOf), and excused as each of
 * them allows: an emoji is outside the BMP and outside US-ASCII, so both of upstream Glance's defects touch it.
 */
export function flagsOf(flags: readonly TagFlag[], tag: string): TagFlag[] {
  const chars = Array.from(tag);
  return flags.filter((f) => chars.some((c) => f.characters.test(c)));
}

/** The statuses the flags allow an operation to answer instead of the rule's. */
export function excusedStatuses(flags: readonly TagFlag[], operation: AllowableOperation): number[] {
  return flags.flatMap((f) =>
    f.allows.flatMap((a) => (a.operation === operation && "status" in a ? [a.status] : [])),
  );
}

/** Whether the flags allow the path's tag to be read as another tag (a PUT adds another tag than the one sent). */
export function allowsAnotherTag(flags: readonly TagFlag[]): boolean {
  return flags.some((f) => f.allows.some((a) => "stores" in a));
}

/** The profile with every rule required (--strict): no flags, so no tag is left out of the core scenarios. */
export function withoutFlags<P extends { readonly tagFlags: readonly TagFlag[] }>(profile: P): P {
  return profile.tagFlags.length === 0 ? profile : { ...profile, tagFlags: [] };
}
