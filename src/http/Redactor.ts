import { decodedViews, plainBytes } from "./decodedViews";

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

/** Encoded forms shorter than this are left out: they would match ordinary text. */
const minEncodedLength = 8;

/**
 * The runs of base64 (standard and URL-safe) that a secret's bytes become wherever they sit in a longer
 * encoded text: for each of the three alignments, the characters that only the secret's bytes decide.
 */
function base64Forms(bytes: Buffer): string[] {
  const forms: string[] = [];
  for (let k = 0; k < 3; k++) {
    const encoded = Buffer.concat([Buffer.alloc(k), bytes])
      .toString("base64")
      .replace(/=+$/, "");
    const total = k + bytes.length;
    const core = encoded.slice([0, 2, 3][k], total % 3 === 0 ? encoded.length : encoded.length - 1);
    forms.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return forms;
}

/**
 * A secret in each form it may take, as a view spells it (decodedViews.ts): itself (JSON-escaped too, should it
 * hold a backslash), and the hex, base64 and base64url of its bytes.
 */
function formsOf(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const encoded = [bytes.toString("hex"), ...base64Forms(bytes)].filter((f) => f.length >= minEncodedLength);
  const forms = [secret, JSON.stringify(secret).slice(1, -1), ...encoded].map(plainBytes);
  return [...new Set(forms)].filter((f) => f.length > 0);
}

/** Merges [start, end) ranges that overlap or touch, in order. */
function merged(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of ranges.sort((x, y) => x[0] - y[0] || y[1] - x[1])) {
    const last = out[out.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * Replaces every known secret (tokens, passwords, application-credential secrets) with "[redacted]" wherever it
 * appears in a text: as it is, in any letter case (header names arrive lower-cased), percent-encoded, JSON- or
 * \x-escaped, as HTML character references, character by character, spaced out; and as hex, base64 or base64url
 * of its bytes (at any alignment inside a longer encoded text), these too in any of those spellings. The suite's
 * own placeholders (<alt-token>, $ITC_TOKEN) are never touched.
 */
export class Redactor {
  private secrets: string[] = [];
  /** Every form of every secret, as a view spells it (longest first). */
  private forms: string[] = [];

  constructor(secrets: readonly (string | undefined)[]) {
    for (const s of secrets) if (s !== undefined) this.add(s);
  }

  /** A secret learned later (a renewed token). */
  add(secret: string): void {
    if (secret.length === 0 || this.secrets.includes(secret)) return;
    this.secrets = [...this.secrets, secret];
    this.forms = [...new Set(this.secrets.flatMap(formsOf))].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    if (this.forms.length === 0 || text.length === 0) return text;
    // A private-use character never occurs in a token (headers carry ASCII), so no secret can match across a
    // sentinel.
    const kept: string[] = [];
    let guarded = text;
    for (const p of placeholders) {
      if (!guarded.includes(p)) continue;
      guarded = guarded.split(p).join(`\ue000${kept.length}\ue000`);
      kept.push(p);
    }
    const ranges: [number, number][] = [];
    for (const view of decodedViews(guarded))
      for (const form of this.forms)
        for (let at = view.text.indexOf(form); at >= 0; at = view.text.indexOf(form, at + 1))
          ranges.push([view.start[at] ?? 0, view.end[at + form.length - 1] ?? 0]);
    let out = "";
    let from = 0;
    // A secret that contains another, or two spellings that overlap, are replaced whole, once.
    for (const [s, e] of merged(ranges)) {
      out += `${guarded.slice(from, s)}[redacted]`;
      from = e;
    }
    out += guarded.slice(from);
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
