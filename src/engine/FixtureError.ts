import type { Exchange } from "../http/Exchange";

/** A setup step (create, tag, share, show) did not work: the scenario cannot run and is not exercised. */
export class FixtureError extends Error {
  override readonly name = "FixtureError";
  constructor(
    message: string,
    readonly exchange: Exchange | undefined,
  ) {
    super(message);
  }
}
