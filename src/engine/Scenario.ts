import type { Profile } from "../profile/Profile";
import type { PropertyOutput } from "./property/PropertyOutput";
import type { NotExercised, ScenarioContext } from "./ScenarioContext";

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

/** A scenario: data plus a run function. It proves one documented status of the subject operation. */
export interface Scenario {
  /** Stable: reports, JUnit and replay commands name scenarios by it. */
  readonly id: string;
  readonly title: string;
  readonly status: number;
  readonly kind: ScenarioKind;
  readonly tier: Tier;
  /** What the documents call for, in words (the report's "expected"). */
  readonly expected: string;
  /** The OpenStack interop (Tempest) test it corresponds to, by idempotent id. */
  readonly tempestId?: string;
  readonly needs: readonly Need[];
  /** The profiles it applies to, in words; appliesTo decides it from the profile's document. */
  readonly profiles: string;
  readonly appliesTo: (profile: Profile) => boolean;
  /** undefined: the probe's checks decide. A property returns its own outcome and evidence. */
  readonly run: (ctx: ScenarioContext) => Promise<NotExercised | PropertyOutput | undefined>;
}
