/** Texts the suite itself writes where a secret would be: they stay as they are even if a secret matches them. */
const placeholders = [
  "[redacted]",
  "<token>",
  "<alt-token>",
  "$ITC_TOKEN",
  "$ITC_ALT_TOKEN",
  "ITC-OWNER-TOKEN",
  "ITC-ALT-TOKEN",
  "<user>",
  "<password>",
  "<project>",
];

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One character of a secret in every common encoding: itself, percent-encoded (UTF-8), JSON- and \u-escaped. */
function charPattern(ch: string): string {
  const forms = new Set<string>([escapeRegex(ch), escapeRegex(JSON.stringify(ch).slice(1, -1))]);
  forms.add(
    Array.from(Buffer.from(ch, "utf8"))
      .map((b) => `%${b.toString(16).padStart(2, "0")}`)
      .join(""),
  );
  forms.add(
    Array.from(
      { length: ch.length },
      (_, i) => `\\\\u${ch.charCodeAt(i).toString(16).padStart(4, "0")}`,
    ).join(""),
  );
  return `(?:${[...forms].join("|")})`;
}

/**
 * Replaces every known secret (tokens, passwords) with "[redacted]" wherever it appears in a text: as it is,
 * in any letter case (header names arrive lower-cased), percent-encoded or JSON-escaped, character by
 * character. The suite's own placeholders (<alt-token>, $ITC_TOKEN) are never touched.
 */
export class Redactor {
  private secrets: string[] = [];
  private pattern: RegExp | undefined;

  constructor(secrets: readonly (string | undefined)[]) {
    for (const s of secrets) if (s !== undefined) this.add(s);
  }

  /** A secret learned later (a renewed token). */
  add(secret: string): void {
    if (secret.length === 0 || this.secrets.includes(secret)) return;
    // Longest first, so a secret that contains another is replaced whole.
    this.secrets = [...this.secrets, secret].sort((a, b) => b.length - a.length);
    const alternatives = this.secrets.map((s) => Array.from(s).map(charPattern).join(""));
    this.pattern = new RegExp(alternatives.join("|"), "giu");
  }

  redact(text: string): string {
    const pattern = this.pattern;
    if (pattern === undefined) return text;
    // A private-use character never occurs in a token (headers carry ASCII), so no secret can match across a
    // sentinel.
    const kept: string[] = [];
    let guarded = text;
    for (const p of placeholders) {
      if (!guarded.includes(p)) continue;
      guarded = guarded.split(p).join(`\ue000${kept.length}\ue000`);
      kept.push(p);
    }
    const out = guarded.replace(pattern, "[redacted]");
    return kept.length === 0
      ? out
      : out.replace(/\ue000(\d+)\ue000/g, (_m, i: string) => kept[Number(i)] ?? "");
  }

  /**
   * A copy of a JSON value with every string, keys included, redacted. Iterative (an explicit stack): however
   * deep the value, it never overflows the call stack.
   */
  redactDeep<T>(value: T): T {
    const work: { src: object; dst: unknown[] | Record<string, unknown> }[] = [];
    const copy = (v: unknown): unknown => {
      if (typeof v === "string") return this.redact(v);
      if (typeof v !== "object" || v === null) return v;
      const dst: unknown[] | Record<string, unknown> = Array.isArray(v) ? [] : {};
      work.push({ src: v, dst });
      return dst;
    };
    const out = copy(value);
    for (let item = work.pop(); item !== undefined; item = work.pop()) {
      const { src, dst } = item;
      if (Array.isArray(dst)) for (const x of src as unknown[]) dst.push(copy(x));
      else for (const [k, x] of Object.entries(src)) dst[this.redact(k)] = copy(x);
    }
    return out as T;
  }
}
