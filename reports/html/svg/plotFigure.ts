import { markup, type Html } from "../Html";

export interface PlotFigure {
  /** Unique in the page: the figure's id, and the prefix of its title and description ids. */
  readonly id: string;
  readonly title: string;
  /** One sentence that says what the picture shows: its text alternative and its caption. */
  readonly summary: string;
  readonly width: number;
  readonly height: number;
  /** The drawing, in SVG user units of a width × height view box. */
  readonly body: Html;
  /** The same figures as a table, for screen readers, print and copying. */
  readonly data: Html;
}

/**
 * An inline SVG plot with its text alternatives: role img named by its <title> and described by its <desc>
 * (WAI-ARIA Graphics Module, SVG-AAM), a caption, and the numbers as a table.
 */
export function plotFigure(p: PlotFigure): Html {
  return markup`<figure class="plot" id="${p.id}">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${p.width} ${p.height}" style="max-width:${p.width}px" role="img" aria-labelledby="${p.id}-t" aria-describedby="${p.id}-d" font-size="11">
<title id="${p.id}-t">${p.title}</title><desc id="${p.id}-d">${p.summary}</desc>
${p.body}</svg>
<figcaption>${p.summary}</figcaption>
<details class="data"><summary>${p.title}: the numbers</summary>${p.data}</details>
</figure>`;
}
