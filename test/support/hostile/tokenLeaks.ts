import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** One pass of each decoding a token may hide behind: JSON escaping (\\ and \uXXXX) and percent-encoding. */
const decoders: readonly ((text: string) => string)[] = [
  (t) => t.replace(/\\\\/g, "\\"),
  (t) => t.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  (t) => t.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
];

/**
 * The text and each text its decodings give, applied in turn until nothing changes, lower-cased. Decoding never
 * hides a raw occurrence (tokens hold no backslash or percent sign), and an encoded one ends up raw.
 */
function readings(text: string): string[] {
  const out = [text.toLowerCase()];
  let t = text;
  for (let pass = 0; pass < 8; pass++) {
    const next = decoders.reduce((acc, decode) => decode(acc), t);
    if (next === t) break;
    t = next;
    out.push(t.toLowerCase());
  }
  return out;
}

/**
 * Which secrets a text reveals in any common form: raw, lower- or upper-cased, percent-encoded (any hex case,
 * any subset of bytes), JSON-escaped (\uXXXX, escaped once or twice), or any mix of these.
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
