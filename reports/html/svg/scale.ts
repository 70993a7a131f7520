/** Maps [d0, d1] onto [r0, r1] linearly (a zero-width domain maps to r0). */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  return (v) => (d1 === d0 ? r0 : r0 + ((v - d0) / (d1 - d0)) * (r1 - r0));
}

/** Maps [d0, d1] (both > 0) onto [r0, r1] logarithmically; values below d0 map to r0. */
export function logScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const lin = linearScale(Math.log10(d0), Math.log10(d1), r0, r1);
  return (v) => lin(Math.log10(Math.max(v, d0)));
}

/** A round step (1, 2 or 5 times a power of ten) giving about `count` ticks from 0 to max. */
export function niceStep(max: number, count = 5): number {
  if (max <= 0) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** Ticks 0, step, 2·step, ... up to max. */
export function linearTicks(max: number, count = 5): number[] {
  const step = niceStep(max, count);
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** The powers of ten from lo to hi (lo and hi themselves powers of ten), with 2 and 5 between when few. */
export function logTicks(lo: number, hi: number): number[] {
  const decades: number[] = [];
  for (let e = Math.round(Math.log10(lo)); e <= Math.round(Math.log10(hi)); e++) decades.push(10 ** e);
  if (decades.length > 3) return decades.map((v) => Number(v.toPrecision(12)));
  return decades
    .flatMap((v, i) => (i === decades.length - 1 ? [v] : [v, 2 * v, 5 * v]))
    .map((v) => Number(v.toPrecision(12)));
}

/** The power of ten at or below v (v > 0), and at or above. */
export function decadeBelow(v: number): number {
  return 10 ** Math.floor(Math.log10(v));
}

export function decadeAbove(v: number): number {
  return 10 ** Math.ceil(Math.log10(v));
}

/** A coordinate with at most one decimal: keeps the SVG small. */
export function px(v: number): number {
  return Math.round(v * 10) / 10;
}
