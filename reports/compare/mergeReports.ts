import { profileLabel } from "../profileLabel";
import type { Outcome } from "../../src/engine/RunResult";
import type { Verdict } from "../../src/engine/verdict";
import type { Report } from "../Report";

/** One run of the matrix: a cloud, a region or a version. */
export interface MergedTarget {
  /** The column's name: the product (vendor, name, version) when given, else the URL's host; unique. */
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

/** A row of the matrix: one outcome per target, in the order of `targets`; null where the profile lacks it. */
export interface MergedRow {
  readonly status: number;
  readonly description: string;
  readonly outcomes: readonly (Outcome | null)[];
}

export interface MergedFlag {
  readonly id: string;
  readonly outcomes: readonly (Outcome | null)[];
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

/** Column labels: the product, else the host; made unique with the host, then with the column's number. */
function labels(reports: readonly Report[]): string[] {
  const base = reports.map((r) => {
    const p = r.product;
    const product = p === undefined ? "" : [p.vendor, p.name, p.version].filter(Boolean).join(" ");
    return product === "" ? hostOf(r.target.url) : product;
  });
  const clash = (ls: readonly string[], l: string): boolean => ls.filter((x) => x === l).length > 1;
  const withHost = base.map((l, i) => {
    const host = hostOf(reports[i]?.target.url ?? "");
    return clash(base, l) && l !== host ? `${l} (${host})` : l;
  });
  return withHost.map((l, i) => (clash(withHost, l) ? `${l} #${i + 1}` : l));
}

/** Builds the matrix of several runs' reports (each with the file it came from). */
export function mergeReports(
  inputs: readonly { readonly report: Report; readonly source: string }[],
): MergedMatrix {
  const reports = inputs.map((i) => i.report);
  const names = labels(reports);
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
    .map((status): MergedRow => ({
      status,
      description: descriptions.get(status) ?? "",
      outcomes: reports.map((r) => r.statuses.find((row) => row.status === status)?.outcome ?? null),
    }));
  const flagIds = [...new Set(reports.flatMap((r) => r.flagged.map((f) => f.id)))];
  const flagged = flagIds.map((id): MergedFlag => ({
    id,
    outcomes: reports.map((r) => r.flagged.find((f) => f.id === id)?.outcome ?? null),
  }));
  return { matrixVersion: 1, targets, statuses, flagged };
}
