import { alphabetOf, charClassIds, classOfChar, type CharClass } from "./charClasses";
import { compositionRule, type Composition } from "./composition";
import { lengthOf, type LengthLevel } from "./lengthLevels";

/** How a tag is asked for: a level of each of its dimensions, and numbers that pick among the level's values. */
export interface TagSpec {
  /** A length level's id. */
  readonly length: string;
  /** Which length of the level: 0 its lower end, 1 its upper end, more spread over it. */
  readonly pick: number;
  readonly chars: Composition;
  /** The first and last character's class, or "same": drawn like the rest of the tag. */
  readonly first: CharClass | "same";
  readonly last: CharClass | "same";
  /** Which characters: the tag's characters start this far along their class's sequence. */
  readonly variant: number;
}

const hexPairs = ["2F", "3F", "23", "25", "2f", "41", "20", "7E"];
const at = <T>(xs: readonly T[], i: number): T => xs[((i % xs.length) + xs.length) % xs.length] as T;
const letters = alphabetOf.letter;
const digits = alphabetOf.digit;

/** The i-th character of a tag of this composition (a deterministic sequence, shifted by the variant). */
function sequenceChar(chars: Composition, i: number, v: number, spread: boolean): string {
  switch (chars) {
    case "digits":
      return at(digits, v + i);
    case "letters":
      return at(letters, 7 * v + i);
    case "alnum":
      return i % 2 === 0 ? at(letters, v + i) : at(digits, v + i);
    case "word":
      return at([at(letters, v + i), at(digits, v + i), "-", at(letters, v + i + 3), "_"], i);
    case "punct":
      return at(alphabetOf.punct, v + i);
    case "percent": {
      const pair = at(hexPairs, v + Math.floor(i / 4));
      return at(["%", pair[0] ?? "2", pair[1] ?? "F", at(letters, v + i)], i % 4);
    }
    // Half the variants hold the special character once (placed below: at an edge as often as inside, where
    // trimming or normalising would drop it), the other half spread through the tag.
    case "space":
      return spread && i % 3 === 1 ? at(alphabetOf.space, v + i) : at(letters, v + i);
    case "non-ascii":
      return spread && i % 2 === 1 ? at(alphabetOf["non-ascii"], v + i) : at(letters, v + i);
    case "astral":
      return spread && i % 2 === 1 ? at(alphabetOf.astral, v + i) : at(letters, v + i);
  }
}

/**
 * The tag a spec asks for, built deterministically: the level's length, characters from the composition's
 * sequence, the first and last characters from their classes, and one character of each kind the composition
 * must hold when none is there yet. The result is what it is: its levels are read back from it (classify), so a
 * spec that asks for something impossible (a one-character alnum tag) yields a tag of other levels, never a lie.
 */
export function realizeTag(spec: TagSpec, lengths: readonly LengthLevel[]): string | undefined {
  const key = `${spec.length}|${spec.pick}|${spec.chars}|${spec.first}|${spec.last}|${spec.variant}`;
  let byKey = memo.get(lengths);
  if (byKey === undefined) memo.set(lengths, (byKey = new Map<string, string | undefined>()));
  if (byKey.has(key)) return byKey.get(key);
  const tag = build(spec, lengths);
  if (byKey.size > 50_000) byKey.clear();
  byKey.set(key, tag);
  return tag;
}

const memo = new WeakMap<readonly LengthLevel[], Map<string, string | undefined>>();

function build(spec: TagSpec, lengths: readonly LengthLevel[]): string | undefined {
  const level = lengths.find((l) => l.id === spec.length);
  if (level === undefined) return undefined;
  const n = lengthOf(level, spec.pick);
  const v = spec.variant;
  const rule = compositionRule[spec.chars];
  // An edge of the composition's own kind (a leading space) holds it alone: the rest is plain, so that a
  // defect which trims or drops that edge meets a tag that is otherwise valid.
  const edgeHolds = [spec.first, spec.last].some((e) => rule.must.some((m) => m.includes(e as CharClass)));
  const spread = v % 2 === 1 && !edgeHolds;
  const out = Array.from({ length: n }, (_, i) => sequenceChar(spec.chars, i, v, spread));
  const fixed = new Set<number>();
  if (spec.first !== "same" && n >= 1) {
    out[0] = at(alphabetOf[spec.first], v);
    fixed.add(0);
  }
  if (spec.last !== "same" && n >= 1) {
    out[n - 1] = at(alphabetOf[spec.last], v + 1);
    fixed.add(n - 1);
  }
  const present = new Set(out.map(classOfChar));
  for (const options of rule.must) {
    if (options.some((o) => present.has(o))) continue;
    const frees = out.map((_, i) => i).filter((i) => !fixed.has(i));
    const free = frees.length === 0 ? -1 : at(frees, [0, frees.length - 1, frees.length >> 1][v % 3] ?? 0);
    const cls = options[0] ?? charClassIds[0];
    if (free >= 0) {
      out[free] = at(alphabetOf[cls], v);
      fixed.add(free);
      present.add(cls);
    }
  }
  return out.join("");
}
