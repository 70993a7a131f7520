import type { RequestSample } from "../../../src/http/HttpStats";
import { statusClassOf, type StatusClass } from "../palette";

export const statusClasses: readonly StatusClass[] = ["2xx", "3xx", "4xx", "5xx", "other"];

export type BinCounts = Readonly<Record<StatusClass, number>>;

/**
 * Requests counted per time bin (by start time) and status class: the timeline draws a few hundred rectangles
 * however many requests the run sent.
 */
export function requestBins(
  samples: readonly RequestSample[],
  spanMs: number,
  bins: number,
): { readonly binMs: number; readonly counts: readonly BinCounts[] } {
  const binMs = Math.max(spanMs, 1) / bins;
  const counts = Array.from({ length: bins }, () => ({ "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, other: 0 }));
  for (const s of samples) {
    const bin = counts[Math.min(bins - 1, Math.max(0, Math.floor(s.t / binMs)))];
    if (bin !== undefined) bin[statusClassOf(s.status)] += 1;
  }
  return { binMs, counts };
}
