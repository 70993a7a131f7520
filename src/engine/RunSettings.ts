/** How a run searches the input space and how hard it may push the target. */
export interface RunSettings {
  /** The run's seed; each property derives its own from it and its scenario id. */
  readonly seed: number;
  /** Random cases per property after its coverage phase (fast-check numRuns beyond the examples); the model and flagged scenarios derive their depth from it. */
  readonly runs: number;
  /** Per property, including shrinking; undefined for none. */
  readonly timeBudgetMs: number | undefined;
  /** Accept 404 for a tag outside the alphabet, recorded as a deviation. */
  readonly lenient: boolean;
  /** Drop the profile's flags (x-itc-flagged): every rule is required, as the core scenarios then prove. */
  readonly strict: boolean;
  /** Requests in flight at once in the concurrency tier. */
  readonly concurrency: number;
  /** Only these scenario ids, when given. */
  readonly only: readonly string[] | undefined;
  /** Not these scenario ids, when given. */
  readonly exclude: readonly string[] | undefined;
  /** Scenarios run at once, each on its own scratch images (the concurrency tier still runs alone). */
  readonly workers: number;
  /** A fast-check path: replays one recorded case of the one property selected with only. */
  readonly replayPath: string | undefined;
}

export const defaultRunSettings: RunSettings = {
  seed: 1,
  runs: 1,
  timeBudgetMs: undefined,
  lenient: false,
  strict: false,
  concurrency: 4,
  only: undefined,
  exclude: undefined,
  workers: 4,
  replayPath: undefined,
};

/** A 32-bit seed for one scenario, stable across runs with the same run seed (FNV-1a over the id). */
export function scenarioSeed(runSeed: number, scenarioId: string): number {
  let h = 0x811c9dc5 ^ runSeed;
  for (const ch of scenarioId) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
