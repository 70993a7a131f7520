import type { PropertyDetails } from "../../src/engine/property/PropertyOutput";
import { formatCount } from "./format";
import { markup, type Html } from "./Html";

function optional(term: string, value: string | undefined, shown: (v: string) => Html): Html | "" {
  return value === undefined ? "" : markup`<dt>${term}</dt><dd>${shown(value)}</dd>`;
}

/** A generated scenario's seed, cases and classes, and for a failure the shrunk case and how to replay it. */
export function propertyView(p: PropertyDetails): Html {
  const classes = Object.entries(p.classes).map(
    ([k, v], i) => markup`${i > 0 ? ", " : ""}${k} <strong>${v}</strong>`,
  );
  const cases = `${formatCount(p.runs)} run${p.shrinks > 0 ? `, ${p.shrinks} shrinks` : ""}${p.interrupted ? " (time budget reached: interrupted)" : ""}`;
  return markup`<h5>Generated cases</h5>
<dl class="facts">
<dt>Seed</dt><dd><code>${p.seed}</code></dd>
<dt>Cases</dt><dd>${cases}</dd>
<dt>Classes</dt><dd>${classes.length === 0 ? markup`<span class="muted">none recorded</span>` : classes}</dd>
${p.deviations.length === 0 ? "" : markup`<dt>Deviations (--lenient)</dt><dd><ul>${p.deviations.map((d) => markup`<li>${d}</li>`)}</ul></dd>`}
${optional("Counterexample", p.counterexample, (v) => markup`<pre>${v}</pre>`)}
${optional("Replay path", p.path, (v) => markup`<code>${v}</code>`)}
${optional("Replay", p.replay, (v) => markup`<pre><code>${v}</code></pre>`)}
${optional("Failing request", p.curl, (v) => markup`<pre><code>${v}</code></pre>`)}
</dl>`;
}
