import { formatCount } from "../format";
import { markup, type Html } from "../Html";
import { linearScale, px } from "./scale";

const width = 440;
const rowHeight = 20;
const top = 4;
const charWidth = 6.4;
const maxLabel = 30;

/** A property's classes, largest first. */
export function sortedClasses(
  classes: Readonly<Record<string, number>>,
): readonly (readonly [string, number])[] {
  return Object.entries(classes).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

/**
 * Cases per generator class of one property as bars, a small figure among several: its SVG is named by its
 * <title> and described by its <desc>; the numbers of every property are in one table beside the figures.
 */
export function classesPlot(
  index: number,
  scenarioId: string,
  classes: Readonly<Record<string, number>>,
): Html {
  const entries = sortedClasses(classes);
  const total = entries.reduce((n, [, v]) => n + v, 0);
  const labelWidth = Math.max(50, ...entries.map(([k]) => Math.min(k.length, maxLabel) * charWidth)) + 12;
  const max = Math.max(1, ...entries.map(([, v]) => v));
  const x = linearScale(0, max, labelWidth, width - 44);
  const id = `plot-classes-${index}`;
  const summary = `${formatCount(total)} generated cases of ${scenarioId} in ${entries.length} ${entries.length === 1 ? "class" : "classes"}: ${entries.map(([k, v]) => `${k} ${v}`).join(", ")}.`;
  const bars = entries.map(([name, count], i) => {
    const y = top + i * rowHeight;
    const shown = name.length > maxLabel ? `${name.slice(0, maxLabel - 1)}…` : name;
    return markup`<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end">${shown}</text><rect x="${labelWidth}" y="${y + 3}" width="${px(Math.max(x(count) - labelWidth, 1))}" height="${rowHeight - 6}" fill="#0969da" fill-opacity="0.8"/><text x="${px(x(count) + 5)}" y="${y + 14}">${formatCount(count)}</text>`;
  });
  return markup`<figure class="plot mini" id="${id}"><figcaption><code>${scenarioId}</code> · ${formatCount(total)} cases</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${top * 2 + entries.length * rowHeight}" style="max-width:${width}px" role="img" aria-labelledby="${id}-t" aria-describedby="${id}-d" font-size="11">
<title id="${id}-t">Generated cases per class: ${scenarioId}</title><desc id="${id}-d">${summary}</desc>${bars}</svg></figure>`;
}

/** Every property's cases per class as one table: the plots' numbers. */
export function classesTable(
  properties: readonly { readonly id: string; readonly classes: Readonly<Record<string, number>> }[],
): Html {
  const rows = properties.flatMap((p) =>
    sortedClasses(p.classes).map(
      ([k, v]) =>
        markup`<tr><th scope="row"><code>${p.id}</code></th><td>${k}</td><td class="num">${formatCount(v)}</td></tr>`,
    ),
  );
  return markup`<table class="numbers"><thead><tr><th scope="col">Scenario</th><th scope="col">Class</th><th scope="col" class="num">Cases</th></tr></thead><tbody>${rows}</tbody></table>`;
}
