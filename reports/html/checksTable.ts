import type { Check } from "../../src/engine/checks/Check";
import { markup, type Html } from "./Html";

/** Checks as a table: the rule, whether it held (a word, not only a colour), what was seen, and where the rule comes from. */
export function checksTable(checks: readonly Check[], caption: string): Html {
  if (checks.length === 0) return markup`<p class="muted">No check recorded.</p>`;
  const rows = checks.map(
    (c) =>
      markup`<tr class="${c.ok ? "ok-yes" : "ok-no"}"><th scope="row">${c.rule}</th><td>${c.ok ? "yes" : "NO"}</td><td>${c.detail}</td><td class="meta">${c.source}</td></tr>`,
  );
  return markup`<table class="checks"><caption class="muted">${caption}</caption>
<thead><tr><th scope="col">Rule</th><th scope="col">Held</th><th scope="col">Detail</th><th scope="col">Source</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}
