import type { ExampleTags } from "../../generators/exampleTags";
import type { TlsFiles } from "../http/Agents";
import type { Exchange } from "../http/Exchange";
import type { HttpClient } from "../http/HttpClient";
import type { Profile } from "../profile/Profile";
import type { FaultInjector } from "./FaultInjector";
import type { Fixtures } from "./Fixtures";
import type { Probe } from "./Probe";
import type { RunSettings } from "./RunSettings";
import type { Tier } from "./ScenarioTypes";

export type { NotExercised } from "./NotExercised";
import type { Target } from "./Target";

/** What a scenario's run function gets: the profile, tags derived from it, fixtures, the probe and the settings. */
export interface ScenarioContext {
  readonly scenarioId: string;
  /** The scenario's tier: properties explore every case outside the core tier. */
  readonly tier: Tier;
  readonly profile: Profile;
  readonly tags: ExampleTags;
  readonly fixtures: Fixtures;
  readonly probe: Probe;
  readonly client: HttpClient;
  readonly target: Target;
  readonly settings: RunSettings;
  /** Every exchange of this scenario so far, in order (properties slice out one case's). */
  readonly exchangeLog: readonly Exchange[];
  /** The command line that reruns this scenario alone with this seed, replaying the given fast-check path. */
  readonly replayCommand: (path: string) => string;
  /** Present only on the embedded reference, which the engine started in-process. */
  readonly faults: FaultInjector | undefined;
  /** The run's signal: Ctrl-C, or the target failing elsewhere in the run. */
  readonly signal: AbortSignal | undefined;
  /** Each request's bound (--timeout) and the TLS settings, for what reaches the target outside the client. */
  readonly timeoutMs: number;
  readonly tls: TlsFiles;
}
