/** One rule checked against what the target did. */
export interface Check {
  readonly rule: string;
  readonly ok: boolean;
  readonly detail: string;
  /** Where the rule comes from: the profile's OpenAPI document, an RFC, a measured Glance behaviour. */
  readonly source: string;
}

export function check(rule: string, ok: boolean, detail: string, source: string): Check {
  return { rule, ok, detail, source };
}
