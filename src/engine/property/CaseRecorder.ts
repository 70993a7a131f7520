import { performance } from "node:perf_hooks";
import type fc from "fast-check";
import { GenerationExhausted } from "../../../generators/boundedFilter";
import type { Exchange } from "../../http/Exchange";
import type { Check } from "../checks/Check";
import type { Probe } from "../Probe";
import type { NotExercised, ScenarioContext } from "../ScenarioContext";
import { curlOf } from "./curlOf";
import type { PropertyOutput } from "./PropertyOutput";
import { unexpectedServerErrors } from "./unexpectedServerErrors";

export interface CaseTools {
  readonly probe: Probe;
  /** Counts the case under a generator class (tag class, id class, token kind). */
  readonly classify: (name: string) => void;
  /** Something --lenient accepts, recorded in the report instead of failing. */
  readonly deviation: (text: string) => void;
  /** The input-space levels ("dimension=level") and pairs of levels one request of the case had: its coverage. */
  readonly observe: (levels: readonly string[], pairs: readonly string[]) => void;
}

interface CaseRecord {
  readonly checks: readonly Check[];
  readonly exchanges: readonly Exchange[];
  readonly reason?: string;
}

/**
 * What a property's run has seen, case by case: whether a case may still start (a stop, the time budget, the
 * shrinking budget), each case's checks and evidence, the failing and the reported case, classes, deviations
 * and coverage; and the property's output from them. One place maps every way a run stops to its outcome.
 */
export class CaseRecorder {
  private readonly explore: boolean;
  private readonly classes: Record<string, number> = {};
  private readonly deviations: string[] = [];
  private readonly levels: Record<string, number> = {};
  private readonly pairs = new Set<string>();
  private fatal: unknown;
  private failing: CaseRecord | undefined;
  private reported: (CaseRecord & { readonly value: string; readonly index: number }) | undefined;
  private last: CaseRecord = { checks: [], exchanges: [] };
  /** Cases run to their end before any failure (shrinking aside). */
  private ran = 0;
  /** Requests the cases sent before the first failure, and those shrinking has sent since. */
  private requestsBefore = 0;
  private shrinkRequests = 0;
  private shrinkStopped = false;
  private budgetHit = false;
  private caseDeviations: string[] = [];
  private caseStopped: string | undefined;

  constructor(
    private readonly ctx: ScenarioContext,
    private readonly planned: number,
    private readonly deadline: number | undefined,
    private readonly plan: {
      readonly examples: number;
      readonly unavailable?: Readonly<Record<string, string>>;
      readonly plannedRequests?: number;
      /** How a value is shown (a counterexample, a deviation's case). */
      readonly show?: (value: unknown) => string;
    } = { examples: 0 },
  ) {
    this.explore = ctx.tier !== "core";
  }

  /** Whether a case may start: no stop, the time budget not spent, the shrinking budget not spent. */
  startCase(): boolean {
    if (this.fatal !== undefined) return false;
    if (this.deadline !== undefined && performance.now() > this.deadline) {
      this.budgetHit = true;
      return false;
    }
    // Shrinking may send as many requests as the cases before the failure did (200 at least): a failing run
    // costs at most about twice a passing one, and a coverage case of many requests still shrinks far.
    if (this.failing !== undefined && this.shrinkRequests > Math.max(200, this.requestsBefore)) {
      this.shrinkStopped = true;
      return false;
    }
    this.caseDeviations = [];
    this.caseStopped = undefined;
    return true;
  }

  tools(probe: Probe): CaseTools {
    return {
      probe,
      classify: (name) => (this.classes[name] = (this.classes[name] ?? 0) + 1),
      deviation: (text) => this.caseDeviations.push(text),
      observe: (levels, pairs) => {
        for (const l of levels) this.levels[l] = (this.levels[l] ?? 0) + 1;
        for (const p of pairs) this.pairs.add(p);
      },
    };
  }

  /** Judges a case that ran to its end (or stopped with an error) and tells fast-check whether it held. */
  endCase(value: unknown, probe: Probe, exchanges: readonly Exchange[], error: unknown): boolean {
    const index = this.failing === undefined ? this.ran++ : -1;
    if (this.failing === undefined) this.requestsBefore += exchanges.length;
    else this.shrinkRequests += exchanges.length;
    if (error !== undefined) {
      if (error instanceof Error && error.name === "CaseFailed") this.caseStopped = error.message;
      // Ctrl-C, the target gone or throttling, a setup step that failed before the subject request: no case
      // starts after this one, but what this case saw before the stop is judged all the same.
      else if (!probe.chargeAfterSubject(error)) this.fatal = error;
    }
    const checks = [...probe.checks, ...unexpectedServerErrors(exchanges)];
    const bad = checks.filter((c) => !c.ok);
    const record: CaseRecord = {
      checks,
      exchanges,
      reason: [this.caseStopped, ...bad.map((c) => `${c.rule}: ${c.detail}`)]
        .filter((x) => x !== undefined)
        .join("; "),
    };
    const breaks = this.explore
      ? bad.some((c) => c.core === true)
      : bad.length > 0 || this.caseStopped !== undefined;
    if (breaks) {
      this.failing = record;
      return false;
    }
    if (this.fatal !== undefined) return true;
    if (this.explore && (bad.length > 0 || this.caseStopped !== undefined) && index >= 0) {
      const shown = this.show(value);
      if (this.reported === undefined || shown.length < this.reported.value.length)
        this.reported = { ...record, value: shown, index };
    }
    this.deviations.push(...this.caseDeviations);
    this.last = record;
    return true;
  }

  /** The exchange a failure is about: the request of the first failed check, else the case's last subject. */
  private subjectOf(failure: CaseRecord): Exchange | undefined {
    const seq = failure.checks.find((c) => !c.ok && c.seq !== undefined)?.seq;
    const bySeq = seq === undefined ? undefined : failure.exchanges.find((e) => e.seq === seq);
    return (
      bySeq ??
      [...failure.exchanges].reverse().find((e) => e.operationId === this.ctx.profile.subject.operationId) ??
      failure.exchanges[failure.exchanges.length - 1]
    );
  }

  private show(value: unknown): string {
    const show = this.plan.show;
    if (show !== undefined) return show(value);
    // JSON.stringify gives undefined for undefined itself (its declared type says string).
    const shown = JSON.stringify(value) as string | undefined;
    return shown ?? "";
  }

  output<T>(details: fc.RunDetails<[T]>, seed: number): PropertyOutput | NotExercised {
    const { ctx, failing, reported, fatal } = this;
    const failure = failing ?? reported;
    // A failure that decides the verdict, found before the run was stopped, stands: the target did it. A stop
    // after a mere deviation (a flagged rule, a finding) leaves the scenario not exercised: its other cases,
    // which might break a rule of every tier, did not run.
    if (failing === undefined && fatal instanceof GenerationExhausted)
      return { notExercised: `cannot generate cases: ${fatal.message}`, cause: "setup-failed" };
    if (failing === undefined && fatal instanceof Error) throw fatal;
    if (fatal !== undefined && !(fatal instanceof Error))
      throw new Error(`a case threw a non-Error (${typeof fatal})`);
    const interrupted = this.budgetHit && this.ran < this.planned;
    const common = {
      seed,
      runs: this.ran,
      planned: this.planned,
      shrinks: failing === undefined ? 0 : details.numShrinks,
      interrupted,
      ...(this.shrinkStopped ? { shrinkStopped: true } : {}),
      classes: this.classes,
      deviations: [...new Set(this.deviations)].slice(0, 20),
      ...(Object.keys(this.levels).length === 0
        ? {}
        : {
            coverage: {
              examples: this.plan.examples,
              ...(this.plan.plannedRequests === undefined
                ? {}
                : { plannedRequests: this.plan.plannedRequests }),
              levels: this.levels,
              pairs: [...this.pairs].sort(),
              ...(this.plan.unavailable === undefined ? {} : { unavailable: this.plan.unavailable }),
            },
          }),
    };
    if (failure === undefined) {
      if (interrupted && this.ran === 0)
        return {
          notExercised: "interrupted (--time-budget) before the first case ran",
          cause: "interrupted",
        };
      if (details.failed)
        throw new Error(`fast-check failed without a failing case: ${String(details.errorInstance)}`);
      return {
        property: common,
        failed: false,
        checks: this.last.checks,
        exchanges: this.last.exchanges,
        breaches: [],
      };
    }
    const path = failing !== undefined ? (details.counterexamplePath ?? "") : String(reported?.index ?? 0);
    const counterexample =
      failing !== undefined
        ? details.counterexample === null
          ? undefined
          : this.show(details.counterexample[0])
        : reported?.value;
    const subject = this.subjectOf(failure);
    return {
      property: {
        ...common,
        ...(counterexample === undefined ? {} : { counterexample }),
        path,
        replay: ctx.replayCommand(path),
        ...(subject === undefined
          ? {}
          : { curl: curlOf(subject, ctx.target.baseUrl, ctx.profile.authHeader) }),
      },
      failed: true,
      ...(failure.reason === undefined || failure.reason === "" ? {} : { reason: failure.reason }),
      checks: failure.checks,
      exchanges: failure.exchanges,
      breaches:
        this.explore && failing !== undefined ? failing.checks.filter((c) => !c.ok && c.core === true) : [],
      ...(fatal instanceof Error ? { stoppedBy: fatal } : {}),
    };
  }
}
