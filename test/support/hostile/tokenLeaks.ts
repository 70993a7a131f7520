import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const namedEntities: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * One pass of each decoding a token may hide behind: JSON escaping (\\ and \uXXXX), \xXX escapes, HTML
 * character references, and percent-encoding.
 */
const decoders: readonly ((text: string) => string)[] = [
  (t) => t.replace(/\\\\/g, "\\"),
  (t) => t.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  (t) => t.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  (t) =>
    t.replace(
      /&#(?:(\d{1,7})|[xX]([0-9a-fA-F]{1,6}));?|&(amp|lt|gt|quot|apos);/g,
      (m, dec?: string, hex?: string, name?: string) => {
        const cp = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : -1;
        if (name !== undefined) return namedEntities[name] ?? m;
        return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      },
    ),
  (t) => t.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
];

/** White space and invisible characters, escaped or not: a token spelled out with them between its letters. */
const spacing = /(?:\s|[\u200b-\u200d\u2060\ufeff]|&nbsp;|\\[nrt])+/g;

/** What a run of base64 (either alphabet) or hex decodes to, at each alignment the token may have in it. */
function binaryReadings(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[A-Za-z0-9+/_-]{11,}/g) ?? [])
    for (let offset = 0; offset < 4; offset++)
      out.push(
        Buffer.from(run.slice(offset).replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("latin1"),
      );
  for (const run of text.match(/[0-9a-fA-F]{16,}/g) ?? [])
    for (let offset = 0; offset < 2; offset++)
      out.push(Buffer.from(run.slice(offset), "hex").toString("latin1"));
  return out;
}

/**
 * The text and each text its decodings give, applied in turn until nothing changes, each also with its spacing
 * taken out and its base64 and hex runs decoded; lower-cased. Decoding never hides a raw occurrence (tokens hold
 * no backslash, percent sign or ampersand), and an encoded one ends up raw in one of them.
 */
function readings(text: string): string[] {
  const decoded = [text];
  let t = text;
  for (let pass = 0; pass < 8; pass++) {
    const next = decoders.reduce((acc, decode) => decode(acc), t);
    if (next === t) break;
    t = next;
    decoded.push(t);
  }
  return decoded.flatMap((d) => {
    const squeezed = d.replace(spacing, "");
    return [d, squeezed, ...binaryReadings(squeezed)].map((r) => r.toLowerCase());
  });
}

/**
 * Which secrets a text reveals in any common form: raw, lower- or upper-cased, percent-encoded (any hex case,
 * any subset of bytes), JSON-escaped (\uXXXX, escaped once or twice), \x-escaped, as HTML character references,
 * spaced out, as base64, base64url or hex (at any alignment inside a longer encoded run), or any mix of these.
 */
export function leakedSecrets(text: string, secrets: readonly string[]): string[] {
  const all = readings(text);
  return secrets.filter((s) => all.some((t) => t.includes(s.toLowerCase())));
}

/** Every regular file under a directory, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Where each secret shows: "stdout: owner", "report.json: alt", ... (names, never the secret itself). */
export function leaksIn(
  outputs: Readonly<Record<string, string>>,
  dirs: readonly string[],
  secrets: Readonly<Record<string, string>>,
): string[] {
  const texts: [string, string][] = [
    ...Object.entries(outputs),
    ...dirs.flatMap((d) => filesUnder(d).map((f): [string, string] => [f, readFileSync(f, "latin1")])),
  ];
  const names = new Map(Object.entries(secrets).map(([name, value]) => [value, name]));
  return texts.flatMap(([where, text]) =>
    leakedSecrets(text, Object.values(secrets)).map((s) => `${where}: the ${names.get(s) ?? "?"} token`),
  );
}
