/** One rule checked against what the target did. */
export interface Check {
  readonly rule: string;
  readonly ok: boolean;
  readonly detail: string;
  /** Where the rule comes from: the profile's OpenAPI document, an RFC, a measured Glance behaviour. */
  readonly source: string;
  /**
   * A rule of the core tier that binds every scenario, flagged and extended ones included: no 5xx, only
   * documented statuses and bodies, no change to another tag or image. Its failure fails the verdict.
   */
  readonly core?: true;
  /** The exchange (its seq) the check judges, when it judges one request: the curl of a failure names it. */
  readonly seq?: number;
}

export function check(rule: string, ok: boolean, detail: string, source: string): Check {
  return { rule, ok, detail, source };
}

/** A check whose rule binds every tier (see Check.core). */
export function coreCheck(rule: string, ok: boolean, detail: string, source: string): Check {
  return { rule, ok, detail, source, core: true };
}
