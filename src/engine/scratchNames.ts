import { createHash } from "node:crypto";

/** A scratch image's name of the suite before 0.2: itc-<run id>-<label> (cleanup still finds those). */
export const legacyScratchName = /^itc-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})-([0-9a-f]{6})-/;

/** The default prefix of scratch image names (--name-prefix). */
export const defaultNamePrefix = "itc-";

/** What may prefix a scratch image's name: letters, digits, "-", "_" and ".", at most 32. */
export const namePrefixPattern = /^[A-Za-z0-9._-]{0,32}$/;

const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

/** n characters of the alphabet drawn from a text (a SHA-256 of it): the same text, the same characters. */
function drawn(text: string, n: number): string {
  const bytes = createHash("sha256").update(text).digest();
  return Array.from(bytes.subarray(0, n), (b) => alphabet[b % alphabet.length] ?? "a").join("");
}

/**
 * The run's scratch image name: the prefix, then ten characters drawn from the seed and the run id. Nothing in it
 * says "conformance suite" unless the prefix does (the default "itc-" does; a certifier chooses its own); it is
 * unique to the run, and each run keeps a record of its names so that cleanup finds them after a kill.
 */
export function runScratchName(prefix: string, seed: number, runId: string): string {
  return `${prefix}${drawn(`${seed} ${runId}`, 10)}`;
}

/** A name of the run's own for one kind of image (the flagged scenarios list theirs by name, alone). */
export function ownScratchName(runName: string, label: string): string {
  return `${runName}-${drawn(label, 3)}`;
}

/** Which scratch images a cleanup takes: one run's, or every run's older than a duration. */
export type ScratchSelector =
  { readonly runId: string } | { readonly olderThanMs: number; readonly now: number };

/** The run id and start (ms since the epoch, UTC) a legacy scratch image's name carries, if it is one. */
export function legacyRunOf(
  name: string,
): { readonly runId: string; readonly startedAt: number } | undefined {
  const m = legacyScratchName.exec(name);
  if (m === null) return undefined;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = m.slice(1, 7).map(Number);
  return { runId: name.slice(4, 4 + 22), startedAt: Date.UTC(y, mo - 1, d, h, mi, s) };
}

/** Whether a legacy scratch image name is one the selector takes (never a name that merely starts with itc-). */
export function selectsLegacy(selector: ScratchSelector, name: string): boolean {
  const run = legacyRunOf(name);
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
