import type { Exchange } from "../http/Exchange";

/**
 * A setup step (create, tag, share, show) did not work. Before the subject request the scenario cannot run
 * (not exercised); after it, the failure is the target's, with this as evidence.
 */
export class FixtureError extends Error {
  override readonly name = "FixtureError";
  constructor(
    message: string,
    readonly exchange: Exchange | undefined,
  ) {
    super(message);
  }
}
