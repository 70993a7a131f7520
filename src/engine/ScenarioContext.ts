import type { ExampleTags } from "../../generators/exampleTags";
import type { Profile } from "../profile/Profile";
import type { FaultPlan } from "../reference/FaultPlan";
import type { Fixtures } from "./Fixtures";
import type { Probe } from "./Probe";

/** What a scenario's run function gets: the profile, tags derived from it, fixtures and the probe. */
export interface ScenarioContext {
  readonly profile: Profile;
  readonly tags: ExampleTags;
  readonly fixtures: Fixtures;
  readonly probe: Probe;
  /** Present only on the embedded reference, which the engine started in-process. */
  readonly faults: FaultPlan | undefined;
}

/** A scenario that finds, while running, that it cannot prove anything says so; otherwise the probe's checks decide. */
export interface NotExercised {
  readonly notExercised: string;
}
