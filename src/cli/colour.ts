/** What decides colour: the stream it goes to and the environment. */
export interface ColourTarget {
  readonly isTTY?: boolean;
}

/**
 * Colour on a terminal only. NO_COLOR (https://no-color.org): present and not empty, no colour, whatever else.
 * FORCE_COLOR as Node reads it (tty.getColorDepth): "0" or "false" turns colour off, any other value on, even
 * off a terminal (CI logs that render ANSI). TERM=dumb: no colour.
 */
export function colourEnabled(stream: ColourTarget, env: NodeJS.ProcessEnv = process.env): boolean {
  if ((env["NO_COLOR"] ?? "") !== "") return false;
  const force = env["FORCE_COLOR"];
  if (force !== undefined) return force !== "0" && force !== "false";
  return stream.isTTY === true && env["TERM"] !== "dumb";
}

// ECMA-48 SGR: 32 green, 31 red, 33 yellow, 2 faint; each closed by its own reset (39 colour, 22 intensity).
const styles: Readonly<Record<string, readonly [string, string]>> = {
  PASS: ["\x1b[32m", "\x1b[39m"],
  FAIL: ["\x1b[31m", "\x1b[39m"],
  FLAGGED: ["\x1b[33m", "\x1b[39m"],
  FINDING: ["\x1b[33m", "\x1b[39m"],
  "NOT EXERCISED": ["\x1b[2m", "\x1b[22m"],
  SKIP: ["\x1b[2m", "\x1b[22m"],
};

/**
 * An outcome word (PASS, FAIL, FLAGGED, FINDING, NOT EXERCISED, SKIP) in its colour when enabled; padded to
 * `width` first, so that columns line up whether coloured or not.
 */
export function paintOutcome(word: string, enabled: boolean, width = 0): string {
  const padded = word.padEnd(width);
  const style = styles[word];
  if (!enabled || style === undefined) return padded;
  return `${style[0]}${word}${style[1]}${padded.slice(word.length)}`;
}
