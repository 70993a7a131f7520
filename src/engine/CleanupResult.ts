/** What the run's cleanup did with the scratch images. */
export interface CleanupResult {
  /** Scratch images the run created: those the target said it created, and those found by name. */
  readonly created: number;
  readonly deleted: number;
  /** Images found by name that no create answer had announced (a create that answered an error, or lost). */
  readonly foundByName: number;
  /** Images that could not be deleted, with why: a user must know what the run left behind. */
  readonly leftBehind: readonly { readonly imageId: string; readonly why: string }[];
  /**
   * Names the run sent in a create that the target could not be asked about (its listing failed or was cut):
   * an image stored under one may be left behind, unseen. The run treats them like images left behind.
   */
  readonly unverified: readonly { readonly name: string; readonly why: string }[];
}
