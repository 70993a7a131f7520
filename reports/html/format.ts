/** A duration for people: "0.4 ms", "12 ms", "1.9 s", "2 min 5 s". */
export function formatMs(ms: number): string {
  if (ms < 10) return `${Number(ms.toFixed(1))} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60000) return `${Number((ms / 1000).toFixed(1))} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** An integer with thousands separators: 2,132. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
