/** The kinds, tiers and needs of a scenario: small types every part of the engine shares. */

export type ScenarioKind = "example" | "property" | "model" | "concurrency" | "contract";

/**
 * core scenarios decide the verdict; extended ones (concurrency) are reported as findings only; flagged ones
 * prove a rule the profile flags (x-itc-flagged) and are reported, deciding nothing unless --strict drops the
 * flags (then they do not exist, and the core scenarios cover those tags again).
 */
export type Tier = "core" | "extended" | "flagged";

/** What a scenario needs beyond the owner's token; without it the scenario is not exercised. */
export type Need =
  /** A second identity in another project (--alt-token): the user can give it. */
  | "alt-identity"
  /** Faults injected in-process: only the embedded reference can be made to fail on demand. */
  | "fault-injection";
