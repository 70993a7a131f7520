import type { AbortKind, NotExercisedCause, Outcome } from "./RunResult";
import type { Tier } from "./Scenario";

export type Verdict = "conformant" | "non-conformant" | "incomplete";

/** One scenario as the verdict sees it: the same whether read from a run or from a written report.json. */
export interface VerdictScenario {
  readonly status: number;
  readonly tier: Tier;
  readonly outcome: Outcome;
  readonly cause?: NotExercisedCause | undefined;
  /** Failed checks of rules that no tier excuses (a 5xx, an undocumented status, another tag or image changed). */
  readonly breaches: number;
}

/** Everything the verdict is decided from. */
export interface VerdictInput {
  readonly documentedStatuses: readonly number[];
  readonly scenarios: readonly VerdictScenario[];
  /** Rules broken by requests outside every scenario (a 5xx to a cleanup request). */
  readonly runBreaches: number;
  readonly aborted: AbortKind | undefined;
  /** Why the run was partial (--only, --exclude, verify-contracts, no sentinel image), when it was. */
  readonly partial: string | undefined;
}

export interface VerdictRule {
  readonly verdict: Verdict;
  /** The rule in words: the README's "What decides the verdict" states exactly these, in this order. */
  readonly when: string;
  readonly holds: (input: VerdictInput) => boolean;
}

const core = (i: VerdictInput): readonly VerdictScenario[] => i.scenarios.filter((s) => s.tier === "core");

/**
 * The rules that decide the verdict, in order: the first that holds decides. Written once: the CLI, the report,
 * verify-report and the README's table all use these.
 */
export const verdictRules: readonly VerdictRule[] = [
  {
    verdict: "non-conformant",
    when: "a core scenario failed",
    holds: (i) => core(i).some((s) => s.outcome === "fail"),
  },
  {
    verdict: "non-conformant",
    when: "a scenario of any tier (flagged and extended included), or a request outside every scenario, broke a rule that binds every tier: a 5xx, an undocumented status or body, a change to another tag, image or field of the image, a wrong answer without a valid token",
    holds: (i) => i.runBreaches > 0 || i.scenarios.some((s) => s.breaches > 0),
  },
  {
    verdict: "incomplete",
    when: "the run was cut short: Ctrl-C, the target stopped answering, or a credential, target or TLS set-up the user must fix",
    holds: (i) => i.aborted !== undefined,
  },
  {
    verdict: "incomplete",
    when: "the run was partial: --only, --exclude or verify-contracts, or no sentinel image could be made",
    holds: (i) => i.partial !== undefined,
  },
  {
    verdict: "incomplete",
    when: "a core scenario was not exercised (it needs an input such as --alt-token, its setup failed, it was interrupted, the target kept throttling, or the suite itself erred), except a 5xx that a live target cannot be made to answer",
    holds: (i) => core(i).some((s) => s.outcome === "not-exercised" && s.cause !== "untriggerable"),
  },
  {
    verdict: "incomplete",
    when: "a flagged or extended scenario was not exercised (its setup failed, it was interrupted, the target kept throttling, or the suite itself erred), except for a missing input or a 5xx that a live target cannot be made to answer: its rules that bind every tier went unchecked",
    holds: (i) =>
      i.scenarios.some(
        (s) =>
          s.tier !== "core" &&
          s.outcome === "not-exercised" &&
          s.cause !== "untriggerable" &&
          s.cause !== "needs-input",
      ),
  },
  {
    verdict: "incomplete",
    when: "a documented status has no core scenario",
    holds: (i) => {
      const proven = new Set(core(i).map((s) => s.status));
      return i.documentedStatuses.some((s) => !proven.has(s));
    },
  },
  {
    verdict: "conformant",
    // Holds when no rule above does; its words say what that means, since they are printed after the verdict.
    when: "the run was neither cut short nor partial, every documented status has core scenarios, every core scenario passed except a 5xx that a live target cannot be made to answer, and nothing broke a rule that binds every tier",
    holds: () => true,
  },
];

/** The first rule that holds, and its verdict. */
export function judge(input: VerdictInput): { readonly verdict: Verdict; readonly rule: VerdictRule } {
  const rule = verdictRules.find((r) => r.holds(input));
  // The last rule always holds; the find cannot fail.
  if (rule === undefined) throw new Error("no verdict rule holds");
  return { verdict: rule.verdict, rule };
}

/**
 * A status row: fail when a core scenario of it failed or any scenario of it broke a rule no tier excuses; pass
 * when it has core scenarios and every one of them ran and passed; not exercised otherwise (a row whose core
 * scenarios did not all run is not PASS: an interrupted run proves only part of it).
 */
export function rowOutcome(scenarios: readonly VerdictScenario[]): Outcome {
  const coreOnes = scenarios.filter((s) => s.tier === "core");
  if (coreOnes.some((s) => s.outcome === "fail") || scenarios.some((s) => s.breaches > 0)) return "fail";
  return coreOnes.length > 0 && coreOnes.every((s) => s.outcome === "pass") ? "pass" : "not-exercised";
}
