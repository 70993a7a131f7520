/** Replaces every known secret (tokens, passwords) with a marker, wherever it appears in a text. */
export class Redactor {
  private secrets: readonly string[];

  constructor(secrets: readonly (string | undefined)[]) {
    // Longest first, so a secret that contains another is replaced whole.
    this.secrets = secrets
      .filter((s): s is string => s !== undefined && s.length > 0)
      .sort((a, b) => b.length - a.length);
  }

  /** A secret learned later (a renewed token). */
  add(secret: string): void {
    if (secret.length > 0) this.secrets = [...this.secrets, secret].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join("[redacted]");
    return out;
  }

  /** A copy of a JSON value with every string redacted; keys are the suite's own and stay as they are. */
  redactDeep<T>(value: T): T {
    if (typeof value === "string") return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => this.redactDeep(v)) as T;
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, this.redactDeep(v as unknown)]),
      ) as T;
    }
    return value;
  }
}
