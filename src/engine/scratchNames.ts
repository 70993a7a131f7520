/** A scratch image's name: itc-<run id>-<label>, the run id like 20261126T190512-a1b2c3 (makeRunId). */
export const scratchName = /^itc-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})-([0-9a-f]{6})-/;

/** Which scratch images a cleanup takes: one run's, or every run's older than a duration. */
export type ScratchSelector =
  { readonly runId: string } | { readonly olderThanMs: number; readonly now: number };

/** The run id and start (ms since the epoch, UTC) a scratch image's name carries, if it is one. */
export function scratchRunOf(
  name: string,
): { readonly runId: string; readonly startedAt: number } | undefined {
  const m = scratchName.exec(name);
  if (m === null) return undefined;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = m.slice(1, 7).map(Number);
  return { runId: name.slice(4, 4 + 22), startedAt: Date.UTC(y, mo - 1, d, h, mi, s) };
}

/** Whether an image name is a scratch image the selector takes (never a name that merely starts with itc-). */
export function selects(selector: ScratchSelector, name: string): boolean {
  const run = scratchRunOf(name);
  if (run === undefined) return false;
  if ("runId" in selector) return run.runId === selector.runId;
  return !Number.isNaN(run.startedAt) && selector.now - run.startedAt >= selector.olderThanMs;
}

/** A duration as the cleanup command takes it: 0, 90s, 30m, 2h, 1d; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (m === null) return undefined;
  const unit = { "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] ?? ""] ?? 1000;
  return Number(m[1]) * unit;
}
