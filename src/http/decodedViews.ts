/**
 * A text as bytes with every spelling taken off, one layer at a time, each byte knowing which characters of the
 * original text it came from: the Redactor finds a secret in a view with a plain substring search, then replaces
 * the original characters. Linear in the text, whatever the number of secrets and encodings.
 *
 * A view is a string of Latin-1 characters, one per byte, ASCII letters lower-cased, without spacing (white space
 * of any kind and zero-width characters, so that a secret spelled out or a wrapped base64 reads whole). Layer 0
 * is the text itself as UTF-8; each further layer undoes, wherever it finds one, a percent-encoding (%74), a
 * JSON or C escape (\u0074, \x74, \"), or an HTML character reference (&#116; &#x74; &amp;), so that mixed,
 * character by character and nested spellings (%5Cu0074) all read plain at some layer.
 */
export interface View {
  /** One character per byte (Latin-1), lower-cased, spacing left out. */
  readonly text: string;
  /** For each byte: the first original character it came from, and the one after its last. */
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/** Layers of decoding at most: enough for an encoding of an encoding of an encoding. */
const maxLayers = 4;

const named: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

const simpleEscapes: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  "/": "/",
  n: "\n",
  r: "\r",
  t: "\t",
  b: "\b",
  f: "\f",
};

/** White space and invisible characters: what may stand between the characters of a secret spelled out. */
export function isSpacing(codePoint: number): boolean {
  return (
    codePoint === 0x20 ||
    (codePoint >= 0x09 && codePoint <= 0x0d) ||
    codePoint === 0x08 ||
    codePoint === 0x85 ||
    codePoint === 0xa0 ||
    codePoint === 0x1680 ||
    (codePoint >= 0x2000 && codePoint <= 0x200d) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    codePoint === 0x202f ||
    codePoint === 0x205f ||
    codePoint === 0x2060 ||
    codePoint === 0x3000 ||
    codePoint === 0xfeff
  );
}

/** A view's text, ready to be searched: UTF-8 bytes as Latin-1, ASCII lower-cased, no spacing. */
export function plainBytes(text: string): string {
  return layerZero(text).text;
}

/** Collects bytes with their source ranges, in typed arrays that grow as needed. */
class Builder {
  private bytes: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private n = 0;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.bytes = new Uint8Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
  }

  /** The UTF-8 bytes of one code point that came from source[from, to), unless it is spacing. */
  codePoint(cp: number, from: number, to: number): void {
    if (cp < 0x80) this.byte(cp, from, to);
    else if (isSpacing(cp)) return;
    else if (cp < 0x800) {
      this.byte(0xc0 | (cp >> 6), from, to);
      this.byte(0x80 | (cp & 63), from, to);
    } else if (cp < 0x10000) {
      this.byte(0xe0 | (cp >> 12), from, to);
      this.byte(0x80 | ((cp >> 6) & 63), from, to);
      this.byte(0x80 | (cp & 63), from, to);
    } else {
      this.byte(0xf0 | (cp >> 18), from, to);
      this.byte(0x80 | ((cp >> 12) & 63), from, to);
      this.byte(0x80 | ((cp >> 6) & 63), from, to);
      this.byte(0x80 | (cp & 63), from, to);
    }
  }

  byte(b: number, from: number, to: number): void {
    // A byte decoded as such (%20, \x09) may be spacing too; above ASCII it is part of a UTF-8 sequence.
    if (b < 0x80 && isSpacing(b)) return;
    if (this.n === this.bytes.length) this.grow();
    this.bytes[this.n] = b >= 0x41 && b <= 0x5a ? b + 32 : b;
    this.starts[this.n] = from;
    this.ends[this.n] = to;
    this.n += 1;
  }

  private grow(): void {
    const size = this.bytes.length * 2;
    const bytes = new Uint8Array(size);
    bytes.set(this.bytes);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    this.bytes = bytes;
    this.starts = starts;
    this.ends = ends;
  }

  view(): View {
    return {
      text: Buffer.from(this.bytes.buffer, 0, this.n).toString("latin1"),
      start: this.starts.subarray(0, this.n),
      end: this.ends.subarray(0, this.n),
    };
  }
}

const isHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66);

/** The value of `n` hex digits at text[i], or -1. The text is lower-cased already. */
function hexAt(text: string, i: number, n: number): number {
  if (i + n > text.length) return -1;
  for (let k = 0; k < n; k++) if (!isHex(text.charCodeAt(i + k))) return -1;
  return parseInt(text.slice(i, i + n), 16);
}

/** Layer 0: the text's own characters as UTF-8 bytes. */
function layerZero(text: string): View {
  const out = new Builder(text.length + 8);
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    out.codePoint(cp, i, i + width);
    i += width;
  }
  return out.view();
}

/**
 * One more layer: every escape or reference in the view decoded, the rest as it is. Returns undefined when there
 * was nothing to decode.
 */
function decodeLayer(view: View): View | undefined {
  const t = view.text;
  // Nothing to decode without one of these: the common case, said at once.
  if (!/[%\\&]/.test(t)) return undefined;
  const out = new Builder(t.length);
  let decoded = false;
  // Source ranges come from the view's own: a decoded byte covers what its escape's bytes covered.
  const span = (i: number, n: number): [number, number] => [view.start[i] ?? 0, view.end[i + n - 1] ?? 0];
  for (let i = 0; i < t.length;) {
    const c = t[i];
    if (c === "%") {
      const v = hexAt(t, i + 1, 2);
      if (v >= 0) {
        out.byte(v, ...span(i, 3));
        i += 3;
        decoded = true;
        continue;
      }
    } else if (c === "\\") {
      const kind = t[i + 1] ?? "";
      if (kind === "u") {
        const unit = hexAt(t, i + 2, 4);
        if (unit >= 0) {
          const low = t[i + 6] === "\\" && t[i + 7] === "u" ? hexAt(t, i + 8, 4) : -1;
          if (unit >= 0xd800 && unit < 0xdc00 && low >= 0xdc00 && low < 0xe000) {
            out.codePoint(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00), ...span(i, 12));
            i += 12;
          } else {
            out.codePoint(unit, ...span(i, 6));
            i += 6;
          }
          decoded = true;
          continue;
        }
      } else if (kind === "x") {
        const v = hexAt(t, i + 2, 2);
        if (v >= 0) {
          out.byte(v, ...span(i, 4));
          i += 4;
          decoded = true;
          continue;
        }
      } else if (simpleEscapes[kind] !== undefined) {
        out.codePoint(simpleEscapes[kind].charCodeAt(0), ...span(i, 2));
        i += 2;
        decoded = true;
        continue;
      }
    } else if (c === "&") {
      const ref = /^&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp)(?=;))(;?)/.exec(
        t.slice(i, i + 12),
      );
      if (ref !== null) {
        const cp =
          ref[1] !== undefined
            ? Number(ref[1])
            : ref[2] !== undefined
              ? parseInt(ref[2], 16)
              : (named[ref[3] ?? ""] ?? "").charCodeAt(0);
        if (cp <= 0x10ffff) {
          out.codePoint(cp, ...span(i, ref[0].length));
          i += ref[0].length;
          decoded = true;
          continue;
        }
      }
    }
    out.byte(t.charCodeAt(i), ...span(i, 1));
    i += 1;
  }
  return decoded ? out.view() : undefined;
}

/** Every view of a text: its own bytes, then each layer of decoding, until nothing more decodes. */
export function decodedViews(text: string): View[] {
  const views = [layerZero(text)];
  for (let layer = 1; layer < maxLayers; layer++) {
    const next = decodeLayer(views[views.length - 1] as View);
    if (next === undefined) break;
    views.push(next);
  }
  return views;
}
