import type { Profile } from "../profile/Profile";
import type { PropertyOutput } from "./property/PropertyOutput";
import type { NotExercised } from "./NotExercised";
import type { ScenarioContext } from "./ScenarioContext";
import type { Need, ScenarioKind, Tier } from "./ScenarioTypes";

export type { Need, ScenarioKind, Tier } from "./ScenarioTypes";

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
  /**
   * Work to do before any scenario runs (a plan shared by several, made once): the run calls it for every
   * scenario first, so that its CPU never delays the answers of requests in flight.
   */
  readonly prepare?: (ctx: ScenarioContext) => Promise<void>;
  /** undefined: the probe's checks decide. A property returns its own outcome and evidence. */
  readonly run: (ctx: ScenarioContext) => Promise<NotExercised | PropertyOutput | undefined>;
}
