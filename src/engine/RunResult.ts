import type { Scenario } from "./Scenario";
import type { Exchange } from "../http/Exchange";
import type { HttpStats } from "../http/HttpStats";
import type { Profile } from "../profile/Profile";
import type { Check } from "./checks/Check";
import type { PropertyDetails } from "./property/PropertyOutput";
import type { CleanupResult } from "./CleanupResult";
import type { Finding } from "./Finding";
import type { NotExercisedCause } from "./NotExercised";

export type { Finding } from "./Finding";
export type { NotExercisedCause } from "./NotExercised";
import type { Target } from "./Target";

export type Outcome = "pass" | "fail" | "not-exercised";

export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly outcome: Outcome;
  readonly observed: string;
  readonly reason?: string;
  readonly cause?: NotExercisedCause;
  readonly checks: readonly Check[];
  /**
   * Failed checks of rules that no tier excuses: a 5xx, an undocumented status, another tag or image changed.
   * In a core scenario they are among its failures; in a flagged or extended one they fail the verdict too.
   */
  readonly breaches: readonly Check[];
  readonly exchanges: readonly Exchange[];
  /** When it started, in ms after the run started, and how long it took. */
  readonly startedMs: number;
  readonly durationMs: number;
  /** Requests this scenario sent (every case, shrinking included). */
  readonly requests: number;
  /** For property, model and concurrency scenarios: seed, cases, and how to replay a failure. */
  readonly property?: PropertyDetails;
}

/**
 * Why a run was cut short. user: Ctrl-C or SIGTERM; unreachable: the target stopped answering; token-expired: the
 * target refused a token of the run's that it had accepted before (expired or revoked; exit 3, no blame);
 * token-rejected, not-image-api and tls: the user's configuration (exit 2).
 */
export type AbortKind = "unreachable" | "user" | "token-rejected" | "token-expired" | "not-image-api" | "tls";

export interface RunResult {
  readonly runId: string;
  readonly profile: Profile;
  readonly target: Target;
  /** What the target serves at its root (the Image API's version document), as JSON when it is JSON. */
  readonly rootDocument: unknown;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly results: readonly ScenarioResult[];
  readonly stats: HttpStats;
  readonly cleanup: CleanupResult;
  /** Rules no tier excuses broken by requests outside every scenario (a 5xx to a cleanup request). */
  readonly breaches: readonly Check[];
  readonly findings: readonly Finding[];
  /** Why the run was partial (--only, --exclude, verify-contracts, no sentinel image); a partial run is never conformant. */
  readonly partial?: string;
  /** Every exchange of the run, in the order sent, when the run was asked to keep them (--har). */
  readonly exchanges?: readonly Exchange[];
  readonly aborted?: { readonly kind: AbortKind; readonly message: string };
}

export type RunEvent =
  | {
      readonly type: "scenario-start";
      readonly index: number;
      readonly total: number;
      readonly scenario: Scenario;
    }
  | {
      readonly type: "scenario-end";
      readonly index: number;
      readonly total: number;
      readonly result: ScenarioResult;
    }
  | { readonly type: "cleanup-start" };
