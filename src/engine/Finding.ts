import type { Exchange } from "../http/Exchange";

/** Something worth telling the cloud's owner that decides nothing, such as "400 but stored". */
export interface Finding {
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  /** The scenario that saw it, if any. */
  readonly scenario?: string;
  readonly exchanges: readonly Exchange[];
}
