import { profileLabel } from "../profileLabel";
import type { Outcome } from "../../src/engine/RunResult";
import { rowOutcome, type Verdict } from "../../src/engine/verdict";
import { flagLabel, rowLabel, type OutcomeLabel } from "../outcomeLabel";
import type { Report, StatusRow } from "../Report";
import { verdictScenarioOf } from "../verdictInputOfReport";

/** One run of the matrix: a cloud, a region or a version. */
export interface MergedTarget {
  /**
   * The column's name: the product (vendor, name, version) when given, else the URL's host ("embedded reference
   * (host)" for the suite's own reference, which certifies nothing); unique.
   */
  readonly label: string;
  /** Where the report was read from. */
  readonly source: string;
  readonly url: string;
  readonly kind: "embedded" | "live";
  readonly profile: string;
  readonly openapiSha256: string;
  readonly verdict: Verdict;
  readonly exitCode: number;
  readonly product?: Report["product"];
  readonly suiteVersion: string;
  readonly runId: string;
  readonly finishedAt: string;
}

/**
 * A row of the matrix: one outcome per target, in the order of `targets`, null where the profile lacks it; and
 * the same as the word every output shows (PASS, FAIL, NOT EXERCISED). The outcome is rowOutcome of the row's
 * scenarios, the rule the run and verify-report use, so a report of an older version is shown by today's rule.
 */
export interface MergedRow {
  readonly status: number;
  readonly description: string;
  readonly outcomes: readonly (Outcome | null)[];
  readonly labels: readonly (OutcomeLabel | null)[];
}

/** A flagged rule per target: its outcome and its word (PASS, FLAGGED, FAIL, NOT EXERCISED); null where not flagged. */
export interface MergedFlag {
  readonly id: string;
  readonly outcomes: readonly (Outcome | null)[];
  readonly labels: readonly (OutcomeLabel | null)[];
}

/** merged.json: the documented statuses (the union over the reports' profiles) × targets. */
export interface MergedMatrix {
  readonly matrixVersion: 1;
  readonly targets: readonly MergedTarget[];
  readonly statuses: readonly MergedRow[];
  /** The profiles' flagged rules × targets (reported, not part of any verdict). */
  readonly flagged: readonly MergedFlag[];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** What an embedded target's column is called: the suite's own reference, started by the run. */
export const embeddedName = "embedded reference";

/**
 * Column labels, the same in merged.json, merged.md and merged.html: the product, else the host (the embedded
 * reference named as such); made unique with the host, then with the column's number.
 */
export function targetLabels(reports: readonly Report[]): string[] {
  const base = reports.map((r) => {
    const p = r.product;
    const product = p === undefined ? "" : [p.vendor, p.name, p.version].filter(Boolean).join(" ");
    if (product !== "") return product;
    const host = hostOf(r.target.url);
    return r.target.kind === "embedded" ? `${embeddedName} (${host})` : host;
  });
  const clash = (ls: readonly string[], l: string): boolean => ls.filter((x) => x === l).length > 1;
  const withHost = base.map((l, i) => {
    const host = hostOf(reports[i]?.target.url ?? "");
    return clash(base, l) && !l.includes(host) ? `${l} (${host})` : l;
  });
  return withHost.map((l, i) => (clash(withHost, l) ? `${l} #${i + 1}` : l));
}

/** A row's outcome by rowOutcome: a row whose core scenarios did not all run is not PASS, whatever wrote it. */
export const outcomeOfRow = (r: StatusRow): Outcome =>
  rowOutcome(r.scenarios.map(verdictScenarioOf(r.status)));

/** Builds the matrix of several runs' reports (each with the file it came from). */
export function mergeReports(
  inputs: readonly { readonly report: Report; readonly source: string }[],
): MergedMatrix {
  const reports = inputs.map((i) => i.report);
  const names = targetLabels(reports);
  const targets = inputs.map(({ report: r, source }, i): MergedTarget => ({
    label: names[i] ?? source,
    source,
    url: r.target.url,
    kind: r.target.kind,
    // A custom profile is never shown as a bare id.
    profile: profileLabel(r),
    openapiSha256: r.openapiSha256,
    verdict: r.verdict,
    exitCode: r.exitCode,
    ...(r.product === undefined ? {} : { product: r.product }),
    suiteVersion: r.suiteVersion,
    runId: r.runId,
    finishedAt: r.finishedAt,
  }));
  const descriptions = new Map<number, string>();
  for (const r of reports)
    for (const row of r.statuses)
      if (!descriptions.has(row.status)) descriptions.set(row.status, row.description);
  const statuses = [...descriptions.keys()]
    .sort((x, y) => x - y)
    .map((status): MergedRow => {
      const rows = reports.map((r) => r.statuses.find((row) => row.status === status));
      const outcomes = rows.map((row) => (row === undefined ? null : outcomeOfRow(row)));
      return {
        status,
        description: descriptions.get(status) ?? "",
        outcomes,
        labels: outcomes.map((o) => (o === null ? null : rowLabel(o))),
      };
    });
  const flagIds = [...new Set(reports.flatMap((r) => r.flagged.map((f) => f.id)))];
  const flagged = flagIds.map((id): MergedFlag => {
    const flags = reports.map((r) => r.flagged.find((f) => f.id === id));
    return {
      id,
      outcomes: flags.map((f) => f?.outcome ?? null),
      labels: flags.map((f) => (f === undefined ? null : flagLabel(f))),
    };
  });
  return { matrixVersion: 1, targets, statuses, flagged };
}
