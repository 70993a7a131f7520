import type { Report } from "../Report";
import { markup, type Html } from "./Html";
import { scenarioLink } from "./scenarioLink";

const pct = (covered: number, feasible: number): string =>
  feasible === 0 ? "–" : `${Math.floor((100 * covered) / feasible)} %`;

/** Which levels of each dimension the run's requests had, per level how many, and what the target kept back. */
function levelTables(space: NonNullable<Report["inputSpace"]>): Html[] {
  return space.dimensions.map((d) => {
    const rows = d.levels.map(
      (l) =>
        markup`<tr${l.requests === 0 ? markup` class="unreached"` : ""}><th scope="row"><code>${l.id}</code></th><td class="num">${l.requests}</td><td>${l.sides?.join(", ") ?? ""}</td><td>${l.unavailable === undefined ? l.title : markup`<strong>NOT EXERCISED</strong>: ${l.unavailable}`}</td></tr>`,
    );
    return markup`<details class="dimension"><summary><code>${d.id}</code>: ${d.title} (${d.levels.filter((l) => l.requests > 0).length} of ${d.levels.length} levels reached)</summary>
<table class="levels"><thead><tr><th scope="col">Level</th><th scope="col">Requests</th><th scope="col">Tag sides</th><th scope="col">What it is</th></tr></thead><tbody>${rows}</tbody></table></details>`;
  });
}

/** Pairs covered of the feasible ones, for every two dimensions: where coverage is thin shows at a glance. */
function matrixTable(space: NonNullable<Report["inputSpace"]>): Html {
  const dims = space.dimensions.map((d) => d.id);
  const head = dims.map((d) => markup`<th scope="col"><code>${d}</code></th>`);
  const rows = dims.map((a, i) => {
    const cells = dims.map((b, j) => {
      if (j <= i) return markup`<td class="na"></td>`;
      const cell = space.matrix[`${a}|${b}`];
      if (cell === undefined || cell.feasible === 0) return markup`<td class="na">–</td>`;
      const full = cell.covered === cell.feasible;
      return markup`<td class="${full ? "full" : "part"}" title="${cell.covered} of ${cell.feasible} pairs">${pct(cell.covered, cell.feasible)}</td>`;
    });
    return markup`<tr><th scope="row"><code>${a}</code></th>${cells}</tr>`;
  });
  return markup`<table class="pair-matrix"><thead><tr><th></th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * The input space: every dimension's levels and how many requests had each, the pairs of levels covered (as a
 * matrix of dimension pairs), the pairs no request can have and why, the pairs this target kept the suite from
 * (NOT EXERCISED, with why), and what each property's requests reached.
 */
export function inputSpaceSection(report: Report): Html {
  const space = report.inputSpace;
  if (space === undefined) return markup``;
  const p = space.pairs;
  const groups = (gs: typeof p.infeasible): Html[] =>
    gs.map((g) => markup`<li>${g.count} pairs: ${g.why} (for example <code>${g.example}</code>)</li>`);
  const byScenario = space.byScenario.map(
    (s) =>
      markup`<tr><th scope="row">${scenarioLink(s.id)}</th><td class="num">${s.examples}</td><td class="num">${s.levels}</td><td class="num">${s.pairs}</td></tr>`,
  );
  return markup`<section id="input-space" aria-labelledby="input-space-h"><h2 id="input-space-h">Input space</h2>
<p class="coverage-line"><strong>${p.covered} of ${p.feasible}</strong> feasible pairs of levels covered (${pct(p.covered, p.feasible)})${p.uncovered.length === 0 ? "" : markup`; <strong>${p.uncovered.length} not reached</strong>`}. Every pair of levels of two dimensions that some request can have is sent first, in the coverage phase; random cases follow.</p>
${matrixTable(space)}
${levelTables(space)}
${p.notExercised.length === 0 ? "" : markup`<h3>NOT EXERCISED on this target</h3><ul class="not-exercised">${groups(p.notExercised)}</ul>`}
${p.uncovered.length === 0 ? "" : markup`<h3>Not reached</h3><p>${p.uncovered.slice(0, 50).join(", ")}</p>`}
<details><summary>Pairs no request can have (${p.infeasible.reduce((n, g) => n + g.count, 0)})</summary><ul>${groups(p.infeasible)}</ul></details>
${space.excluded.length === 0 ? "" : markup`<details><summary>Levels of the model this profile leaves out (${space.excluded.length})</summary><ul>${space.excluded.map((e) => markup`<li><code>${e.dimension}=${e.level}</code>: ${e.why}</li>`)}</ul></details>`}
<table class="by-scenario"><thead><tr><th scope="col">Property</th><th scope="col">Coverage cases</th><th scope="col">Levels reached</th><th scope="col">Pairs reached</th></tr></thead><tbody>${byScenario}</tbody></table>
</section>`;
}
