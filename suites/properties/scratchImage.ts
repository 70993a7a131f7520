import type { ScenarioContext } from "../../src/engine/ScenarioContext";

/** One scratch image per property, created on the first case and reused: it carries the "others" tags. */
export function scratchImage(ctx: ScenarioContext, label: string): () => Promise<string> {
  let id: Promise<string> | undefined;
  return () => (id ??= ctx.fixtures.createImage(label, { tags: ctx.tags.others }));
}

/** Swaps the case of every cased letter. */
export function swapCase(s: string): string {
  return Array.from(s)
    .map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()))
    .join("");
}
