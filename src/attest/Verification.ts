/** One finding of verify-report: what was checked, and whether it held. */
export interface Verification {
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
}
