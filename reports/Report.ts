import type { InputSpaceSummary } from "../suites/coverage/inputSpaceSummary";
import type { Check } from "../src/engine/checks/Check";
import type { CleanupResult } from "../src/engine/ScratchImages";
import type { AbortKind, Finding, NotExercisedCause, Outcome } from "../src/engine/RunResult";
import type { Verdict } from "../src/engine/verdict";
import type { Exchange } from "../src/http/Exchange";
import type { HttpStats } from "../src/http/HttpStats";
import type { PropertyDetails } from "../src/engine/property/PropertyOutput";
import type { ScenarioKind, Tier } from "../src/engine/Scenario";
import type { Allowance } from "../src/profile/tagFlags";

/** report.json, as described by reports/report.schema.json (validated with ajv before it is written). */
export interface Report {
  readonly reportVersion: 2;
  readonly suiteVersion: string;
  readonly runId: string;
  readonly verdict: Verdict;
  /** The rule that decided the verdict (src/engine/verdict.ts), in words. */
  readonly verdictRule: string;
  readonly exitCode: number;
  readonly profile: string;
  /** The profile is one shipped in openapi/ byte for byte; otherwise custom (summary, JUnit and Markdown say so). */
  readonly profileBuiltin: boolean;
  readonly profileTitle: string;
  readonly profileSource: string;
  readonly openapiSha256: string;
  readonly target: {
    readonly kind: "embedded" | "live";
    readonly url: string;
    readonly versions: unknown;
    readonly keystone?: string;
  };
  /** Certification metadata the user gives (--product-name, --product-version, --vendor). */
  readonly product?: { readonly name?: string; readonly version?: string; readonly vendor?: string };
  /** The interop guideline tests for tags this run covers, by Tempest idempotent id. */
  readonly interop: readonly {
    readonly idempotentId: string;
    readonly test: string;
    readonly scenarios: readonly string[];
    readonly outcome: Outcome;
  }[];
  /**
   * The profile's flagged rules (x-itc-flagged), each proved by its own scenario and reported without deciding
   * the verdict; empty under --strict, where every rule is required.
   */
  readonly flagged: readonly {
    readonly id: string;
    readonly rule: string;
    readonly reason: string;
    readonly evidence: string;
    /** What the flag excuses instead of the rule, and nothing else. */
    readonly allows: readonly Allowance[];
    readonly scenario: string;
    readonly outcome: Outcome;
    /** The flagged scenario broke a rule no flag excuses: the verdict failed with it. */
    readonly breached: boolean;
  }[];
  /** What the run reached of the profile's input space (docs/reference/input-space.md). */
  readonly inputSpace?: InputSpaceSummary;
  /** The command that reproduces this run; secrets are never part of it. */
  readonly command: string;
  /** The run's seed: the same seed gives the same scenarios, cases and outcomes. */
  readonly seed: number;
  readonly settings: {
    readonly runs: number;
    readonly lenient: boolean;
    /** The profile's flagged rules were required (--strict). */
    readonly strict: boolean;
    readonly concurrency: number;
    readonly timeBudgetMs: number | null;
    /** The scenarios selected with --only, when given. */
    readonly only?: readonly string[];
    /** Requests per second at most (--rate, or its default for the target); 0: no limit. */
    readonly rate?: number;
  };
  /** Why the run was partial (--only, --exclude, verify-contracts, no sentinel image): a partial run is never conformant. */
  readonly partial?: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly stats: HttpStats & { readonly durationMs: number };
  /** unverified is absent from reports written before it existed. */
  readonly cleanup: Omit<CleanupResult, "unverified"> & Partial<Pick<CleanupResult, "unverified">>;
  /** Rules no tier excuses, broken by requests outside every scenario. */
  readonly breaches: readonly Check[];
  /** Things worth telling the cloud's owner that decide nothing (for example "400 but stored"). */
  readonly findings: readonly Finding[];
  readonly aborted?: { readonly kind: AbortKind; readonly message: string };
  readonly statuses: readonly StatusRow[];
}

export interface StatusRow {
  readonly status: number;
  readonly description: string;
  readonly outcome: Outcome;
  readonly reason?: string;
  readonly scenarios: readonly ScenarioEntry[];
}

export interface ScenarioEntry {
  readonly id: string;
  readonly title: string;
  readonly kind: ScenarioKind;
  /** core decides the verdict; extended (concurrency) is a finding only; flagged proves a flagged rule. */
  readonly tier: Tier;
  readonly outcome: Outcome;
  readonly expected: string;
  readonly observed: string;
  readonly reason?: string;
  readonly cause?: NotExercisedCause;
  readonly tempestId?: string;
  /** When it started (ms after the run started), how long it took, and how many requests it sent. */
  readonly startedMs: number;
  readonly durationMs: number;
  readonly requests: number;
  /** Failed checks of rules no tier excuses: they fail the verdict whatever the scenario's tier. */
  readonly breaches: readonly Check[];
  readonly evidence: { readonly checks: readonly Check[]; readonly exchanges: readonly Exchange[] };
  /** Property, model and concurrency scenarios: seed, cases, classes, and how to replay a failure. */
  readonly property?: PropertyDetails;
}
