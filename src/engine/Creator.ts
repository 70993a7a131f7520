/** Which identity of the run created (and so may modify and delete) a scratch image. */
export type Creator = "owner" | "alt";
