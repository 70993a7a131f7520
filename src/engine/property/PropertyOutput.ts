import type { Exchange } from "../../http/Exchange";
import type { Check } from "../checks/Check";

/** What one property's requests covered of the input space, and what the target kept from being used. */
export interface PropertyCoverage {
  /** Cases of the coverage phase (run first), and the requests they were planned to cost. */
  readonly examples: number;
  readonly plannedRequests?: number;
  readonly levels: Readonly<Record<string, number>>;
  readonly pairs: readonly string[];
  /** Levels this target does not let the suite use ("image=own-public"), with why. */
  readonly unavailable?: Readonly<Record<string, string>>;
}

/** What a property or model run found: how many cases, and for a failure the shrunk case and how to replay it. */
export interface PropertyDetails {
  readonly seed: number;
  /** Cases executed (fast-check numRuns, shrinking excluded). */
  readonly runs: number;
  /** Cases planned (--runs, or more to cover every generator class once): "interrupted after runs of planned". */
  readonly planned: number;
  readonly shrinks: number;
  /** Cut short by --time-budget: a case that had started still ran to its end and was judged. */
  readonly interrupted: boolean;
  /** Shrinking stopped at its budget (as many cases as the property ran): the counterexample may shrink further. */
  readonly shrinkStopped?: boolean;
  /** Cases per generator class (tag classes, image id classes, token kinds). */
  readonly classes: Readonly<Record<string, number>>;
  /**
   * The input space this property's requests reached: requests per level ("dimension=level") and every pair
   * of levels of two dimensions one request had ("a=x|b=y").
   */
  readonly coverage?: PropertyCoverage;
  /** Accepted with --lenient, recorded instead of failed. */
  readonly deviations: readonly string[];
  readonly counterexample?: string;
  readonly path?: string;
  /** The command that re-runs exactly the failing case. */
  readonly replay?: string;
  /** The failing request as curl, tokens as environment placeholders. */
  readonly curl?: string;
}

export interface PropertyOutput {
  readonly property: PropertyDetails;
  readonly failed: boolean;
  readonly reason?: string;
  /** The checks and exchanges of the failing case (or of the last case when none failed). */
  readonly checks: readonly Check[];
  readonly exchanges: readonly Exchange[];
  /** Flagged and extended tiers: the failed checks of rules that bind every tier (they fail the verdict). */
  readonly breaches: readonly Check[];
  /**
   * What ended the property after this failure was found (Ctrl-C, the target gone or throttling): the failure
   * stands, since the target did it, and the caller passes the stop on.
   */
  readonly stoppedBy?: Error;
}
