import { relative } from "node:path";
import type { RunResult, ScenarioResult } from "../src/engine/RunResult";
import { verdictOf } from "../src/engine/verdict";
import { packageRoot } from "../src/util/packageRoot";
import { suiteVersion } from "../src/util/suiteVersion";
import type { Report, ScenarioEntry, StatusRow } from "./Report";

function entry(r: ScenarioResult): ScenarioEntry {
  const s = r.scenario;
  return {
    id: s.id,
    title: s.title,
    kind: s.kind,
    outcome: r.outcome,
    expected: s.expected,
    observed: r.observed,
    ...(r.reason === undefined ? {} : { reason: r.reason }),
    ...(r.cause === undefined ? {} : { cause: r.cause }),
    ...(s.tempestId === undefined ? {} : { tempestId: s.tempestId }),
    durationMs: r.durationMs,
    evidence: { checks: r.checks, exchanges: r.exchanges },
  };
}

/** A row per documented status: fail if any scenario failed, pass if one passed, else not exercised. */
function row(
  status: number,
  description: string,
  scenarios: readonly ScenarioEntry[],
  aborted: boolean,
): StatusRow {
  const base = { status, description, scenarios };
  if (scenarios.some((s) => s.outcome === "fail")) {
    const failing = scenarios.filter((s) => s.outcome === "fail").map((s) => s.id);
    return { ...base, outcome: "fail", reason: `failed: ${failing.join(", ")}` };
  }
  const skipped = scenarios.filter((s) => s.outcome === "not-exercised");
  const why = skipped.map((s) => `${s.id}: ${s.reason ?? ""}`).join("; ");
  if (scenarios.some((s) => s.outcome === "pass")) {
    return skipped.length === 0
      ? { ...base, outcome: "pass" }
      : {
          ...base,
          outcome: "pass",
          reason: `${skipped.length} of ${scenarios.length} scenarios not exercised: ${why}`,
        };
  }
  if (scenarios.length === 0) {
    return {
      ...base,
      outcome: "not-exercised",
      reason: aborted
        ? "the run was aborted before this status was exercised"
        : `no scenario of this suite proves ${status}`,
    };
  }
  return { ...base, outcome: "not-exercised", reason: why };
}

/** Turns a run into the report: one row for every status the profile documents, in ascending order. */
export function buildReport(
  run: RunResult,
  meta: { readonly command: string; readonly exitCode: number },
): Report {
  const profile = run.profile;
  const rel = relative(packageRoot, profile.source);
  const statuses = profile.documentedStatuses.map((status) =>
    row(
      status,
      profile.subject.responses.get(status)?.description ?? "",
      run.results.filter((r) => r.scenario.status === status).map(entry),
      run.aborted !== undefined,
    ),
  );
  return {
    reportVersion: 1,
    suiteVersion,
    runId: run.runId,
    verdict: verdictOf(run),
    exitCode: meta.exitCode,
    profile: profile.id,
    profileTitle: profile.title,
    profileSource: rel.startsWith("..") ? profile.source : rel,
    openapiSha256: profile.sha256,
    target: { kind: run.target.kind, url: run.target.baseUrl },
    command: meta.command,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    stats: {
      ...run.stats,
      waitMs: Math.round(run.stats.waitMs),
      durationMs: Date.parse(run.finishedAt) - Date.parse(run.startedAt),
    },
    cleanup: run.cleanup,
    ...(run.aborted === undefined ? {} : { aborted: run.aborted }),
    statuses,
  };
}
