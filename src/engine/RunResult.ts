import type { Scenario } from "../../suites/Scenario";
import type { Exchange } from "../http/Exchange";
import type { HttpStats } from "../http/HttpStats";
import type { Profile } from "../profile/Profile";
import type { Check } from "./checks/Check";
import type { PropertyDetails } from "./property/PropertyOutput";
import type { CleanupResult } from "./Fixtures";
import type { Target } from "./Target";

export type Outcome = "pass" | "fail" | "not-exercised";

/**
 * Why a scenario was not exercised. needs-input and setup-failed make the verdict incomplete; untriggerable
 * (a 5xx that a live target cannot be made to answer) does not.
 */
export type NotExercisedCause = "needs-input" | "setup-failed" | "untriggerable";

export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly outcome: Outcome;
  readonly observed: string;
  readonly reason?: string;
  readonly cause?: NotExercisedCause;
  readonly checks: readonly Check[];
  readonly exchanges: readonly Exchange[];
  readonly durationMs: number;
  /** For property, model and concurrency scenarios: seed, cases, and how to replay a failure. */
  readonly property?: PropertyDetails;
}

export type AbortKind = "unreachable" | "user" | "token-rejected";

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
