import type { Report } from "../Report";
import { badge } from "./badge";
import { markup, type Html } from "./Html";
import { flagLabel } from "../outcomeLabel";
import { scenarioLink } from "./scenarioLink";

/** The profile's flagged rules: what each requires, why it is flagged, and how this target did. */
export function flaggedSection(report: Report): Html {
  const intro = report.settings.strict
    ? "None: this run was strict (--strict), so every rule of the profile was required and decided the verdict."
    : report.flagged.length === 0
      ? "The profile flags no rule."
      : "Rules the profile flags (x-itc-flagged) because upstream Glance itself misses them: each is proved by its own scenario and reported, without deciding the verdict; --strict requires them. FLAGGED marks a flagged rule this target does not meet.";
  const rows = report.flagged.map(
    (f) =>
      markup`<tr><th scope="row"><code>${f.id}</code><br>${scenarioLink(f.scenario)}</th><td>${badge(flagLabel(f))}</td><td class="requires">${f.rule}</td><td>${f.reason}</td><td class="meta">${f.evidence}</td></tr>`,
  );
  return markup`<section id="flagged" aria-labelledby="flagged-h"><h2 id="flagged-h">Flagged rules</h2>
<p>${intro}</p>
${rows.length === 0 ? "" : markup`<table class="flagged"><thead><tr><th scope="col">Rule</th><th scope="col">Outcome here</th><th scope="col">Requires</th><th scope="col">Why flagged</th><th scope="col">Evidence</th></tr></thead><tbody>${rows}</tbody></table>`}
</section>`;
}
