import { distance } from "fastest-levenshtein";

/**
 * The known word closest to a mistyped one, when it is close enough to be a typo: at most a third of its
 * characters differ, or two (a swap of two letters, as in --kye), by Levenshtein distance, and never all of
 * them. Leading dashes are not counted. The first of equally close words wins.
 */
export function didYouMean(typed: string, known: readonly string[]): string | undefined {
  const bare = (word: string): string => word.replace(/^-+/, "");
  const allowed = Math.min(Math.max(2, Math.floor(bare(typed).length / 3)), bare(typed).length - 1);
  let best: { word: string; d: number } | undefined;
  for (const word of known) {
    const d = distance(bare(typed), bare(word));
    if (d <= allowed && (best === undefined || d < best.d)) best = { word, d };
  }
  return best?.word;
}
