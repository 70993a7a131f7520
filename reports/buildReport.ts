import { relative } from "node:path";
import type { RunResult, ScenarioResult } from "../src/engine/RunResult";
import type { RunSettings } from "../src/engine/RunSettings";
import { judge, rowOutcome } from "../src/engine/verdict";
import { verdictInputOf } from "../src/engine/verdictOf";
import { packageRoot } from "../src/util/packageRoot";
import { suiteVersion } from "../src/util/suiteVersion";
import { flaggedTagScenario } from "../suites/flagged/flaggedTagScenario";
import { inputSpaceSummary } from "../suites/coverage/inputSpaceSummary";
import { interopTests } from "../suites/interopTests";
import type { Scenario, Tier } from "../src/engine/Scenario";
import { selectScenarios } from "../src/engine/runSuite";
import { verdictScenarioOf } from "./verdictInputOfReport";
import type { Report, ScenarioEntry, StatusRow } from "./Report";

function entry(r: ScenarioResult): ScenarioEntry {
  const s = r.scenario;
  return {
    id: s.id,
    title: s.title,
    kind: s.kind,
    tier: s.tier,
    outcome: r.outcome,
    expected: s.expected,
    observed: r.observed,
    ...(r.reason === undefined ? {} : { reason: r.reason }),
    ...(r.cause === undefined ? {} : { cause: r.cause }),
    ...(s.tempestId === undefined ? {} : { tempestId: s.tempestId }),
    startedMs: r.startedMs,
    durationMs: r.durationMs,
    requests: r.requests,
    breaches: r.breaches,
    evidence: { checks: r.checks, exchanges: r.exchanges },
    ...(r.property === undefined ? {} : { property: r.property }),
  };
}

/**
 * A row per documented status, its outcome by rowOutcome (src/engine/verdict.ts): fail if a core scenario failed
 * or any scenario broke a rule no tier excuses, pass if every core scenario of it ran and passed, else not
 * exercised. Extended-tier findings and flagged rules that failed only as their flag allows are listed in the
 * row's reason.
 */
function row(
  status: number,
  description: string,
  scenarios: readonly ScenarioEntry[],
  aborted: boolean,
  selected: boolean,
): StatusRow {
  const base = { status, description, scenarios };
  const core = scenarios.filter((s) => s.tier === "core");
  const failedIn = (tier: Tier): string[] =>
    scenarios.filter((s) => s.tier === tier && s.outcome === "fail").map((s) => s.id);
  const noteOf = (label: string, ids: readonly string[]): string =>
    ids.length === 0 ? "" : `; ${label}: ${ids.join(", ")}`;
  const note =
    noteOf("findings (extended tier, not part of the verdict)", failedIn("extended")) +
    noteOf("flagged rules failed (not part of the verdict; --strict requires them)", failedIn("flagged"));
  const outcome = rowOutcome(scenarios.map(verdictScenarioOf(status)));
  const failing = scenarios
    .filter((s) => (s.tier === "core" && s.outcome === "fail") || s.breaches.length > 0)
    .map((s) => s.id);
  if (outcome === "fail") return { ...base, outcome, reason: `failed: ${failing.join(", ")}${note}` };
  const skipped = core.filter((s) => s.outcome === "not-exercised");
  const unstarted = skipped.filter((s) => s.reason === notStartedReason).map((s) => s.id);
  const why = [
    ...skipped.filter((s) => s.reason !== notStartedReason).map((s) => `${s.id}: ${s.reason ?? ""}`),
    ...(unstarted.length === 0 ? [] : [`${unstarted.join(", ")}: ${notStartedReason}`]),
  ].join("; ");
  if (outcome === "pass") {
    const text = note.slice(2);
    return text === "" ? { ...base, outcome: "pass" } : { ...base, outcome: "pass", reason: text };
  }
  if (core.length === 0) {
    const reason = aborted
      ? "the run was aborted before this status was exercised"
      : selected
        ? "no scenario selected (--only, --exclude) proves it"
        : `no scenario of this suite proves ${status}`;
    return { ...base, outcome: "not-exercised", reason: `${reason}${note}` };
  }
  const passed = core.length - skipped.length;
  const part = passed === 0 ? "" : `${skipped.length} of ${core.length} core scenarios not exercised: `;
  return { ...base, outcome: "not-exercised", reason: `${part}${why}${note}` };
}

/** Why a scenario the run meant to run has no result: the run was cut short before it started. */
export const notStartedReason = "not started: the run was cut short first";

/**
 * The scenarios a cut-short run meant to run but never started, as not exercised (interrupted): a row is then
 * never PASS on the strength of the scenarios that happened to finish first.
 */
function notStarted(run: RunResult, planned: readonly Scenario[], settings: RunSettings): ScenarioEntry[] {
  // A run stopped before any scenario (a preflight that found no Image API, a rejected token) has no row that
  // could pass: its rows already say that the run was aborted before them.
  if (run.aborted === undefined || run.results.length === 0) return [];
  const ran = new Set(run.results.map((r) => r.scenario.id));
  const endMs = Math.max(0, Date.parse(run.finishedAt) - Date.parse(run.startedAt));
  return selectScenarios(planned, run.profile, settings)
    .filter((s) => !ran.has(s.id))
    .map((s) => ({
      id: s.id,
      title: s.title,
      kind: s.kind,
      tier: s.tier,
      outcome: "not-exercised",
      expected: s.expected,
      observed: "not run",
      reason: notStartedReason,
      cause: "interrupted",
      ...(s.tempestId === undefined ? {} : { tempestId: s.tempestId }),
      startedMs: endMs,
      durationMs: 0,
      requests: 0,
      breaches: [],
      evidence: { checks: [], exchanges: [] },
    }));
}

/** Each interop test for tags, the scenarios that stand for it, and their joint outcome. */
function interopOf(entries: readonly ScenarioEntry[]): Report["interop"] {
  return Object.entries(interopTests).map(([idempotentId, test]) => {
    const mine = entries.filter((r) => r.tempestId === idempotentId);
    const outcome = mine.some((r) => r.outcome === "fail")
      ? "fail"
      : mine.length > 0 && mine.every((r) => r.outcome === "pass")
        ? "pass"
        : "not-exercised";
    return { idempotentId, test, scenarios: mine.map((r) => r.id), outcome };
  });
}

/** Each flagged rule of the profile and the outcome of its scenario (not-exercised when it did not run). */
function flaggedOf(run: RunResult): Report["flagged"] {
  return run.profile.tagFlags.map((f) => {
    const scenario = flaggedTagScenario(f).id;
    const result = run.results.find((r) => r.scenario.id === scenario);
    return {
      id: f.id,
      rule: f.rule,
      reason: f.reason,
      evidence: f.evidence,
      allows: f.allows,
      scenario,
      outcome: result?.outcome ?? "not-exercised",
      breached: (result?.breaches.length ?? 0) > 0,
    };
  });
}

/** Turns a run into the report: one row for every status the profile documents, in ascending order. */
export function buildReport(
  run: RunResult,
  meta: {
    readonly command: string;
    readonly exitCode: number;
    readonly settings: RunSettings;
    /** Requests per second at most (--rate; 0: no limit), when the caller knows it. */
    readonly rate?: number;
    readonly product?: Report["product"];
    /** The scenarios the run was given (before --only and --exclude): a cut-short run lists those it never started. */
    readonly scenarios?: readonly Scenario[];
  },
): Report {
  const profile = run.profile;
  const rel = relative(packageRoot, profile.source);
  const statusOf = new Map(run.results.map((r) => [r.scenario.id, r.scenario.status]));
  const planned = meta.scenarios ?? [];
  for (const s of planned) statusOf.set(s.id, s.status);
  const entries = [...run.results.map(entry), ...notStarted(run, planned, meta.settings)];
  const statuses = profile.documentedStatuses.map((status) =>
    row(
      status,
      profile.subject.responses.get(status)?.description ?? "",
      entries.filter((e) => statusOf.get(e.id) === status),
      run.aborted !== undefined,
      meta.settings.only !== undefined || meta.settings.exclude !== undefined,
    ),
  );
  const decided = judge(verdictInputOf(run));
  return {
    reportVersion: 2,
    suiteVersion,
    runId: run.runId,
    verdict: decided.verdict,
    verdictRule: decided.rule.when,
    exitCode: meta.exitCode,
    profile: profile.id,
    profileBuiltin: profile.builtin,
    profileTitle: profile.title,
    profileSource: rel.startsWith("..") ? profile.source : rel,
    openapiSha256: profile.sha256,
    target: {
      kind: run.target.kind,
      url: run.target.baseUrl,
      versions: run.rootDocument ?? null,
      ...(run.target.keystoneUrl === undefined ? {} : { keystone: run.target.keystoneUrl }),
    },
    ...(meta.product === undefined ? {} : { product: meta.product }),
    interop: interopOf(entries),
    flagged: flaggedOf(run),
    ...((): Partial<Report> => {
      const summary = inputSpaceSummary(run);
      return summary === undefined ? {} : { inputSpace: summary };
    })(),
    command: meta.command,
    seed: meta.settings.seed,
    settings: {
      runs: meta.settings.runs,
      lenient: meta.settings.lenient,
      strict: meta.settings.strict,
      concurrency: meta.settings.concurrency,
      timeBudgetMs: meta.settings.timeBudgetMs ?? null,
      ...(meta.settings.only === undefined ? {} : { only: meta.settings.only }),
      ...(meta.rate === undefined ? {} : { rate: meta.rate }),
    },
    ...(run.partial === undefined ? {} : { partial: run.partial }),
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    stats: {
      ...run.stats,
      waitMs: Math.round(run.stats.waitMs),
      durationMs: Date.parse(run.finishedAt) - Date.parse(run.startedAt),
    },
    cleanup: run.cleanup,
    breaches: run.breaches,
    findings: run.findings,
    ...(run.aborted === undefined ? {} : { aborted: run.aborted }),
    statuses,
  };
}
