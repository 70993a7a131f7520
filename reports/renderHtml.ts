import type { Report } from "./Report";
import { cleanupSection } from "./html/cleanupSection";
import { findingsSection } from "./html/findingsSection";
import { flaggedSection } from "./html/flaggedSection";
import { inputSpaceSection } from "./html/inputSpaceSection";
import { markup } from "./html/Html";
import { interopSection } from "./html/interopSection";
import { notExercisedSection } from "./html/notExercisedSection";
import { page } from "./html/page";
import { plotsSection } from "./html/plotsSection";
import { runSection } from "./html/runSection";
import { scenariosSection } from "./html/scenariosSection";
import { statusTable } from "./html/statusTable";
import { verdictBanner } from "./html/verdictBanner";

const contents = [
  ["statuses", "Statuses"],
  ["run", "The run"],
  ["flagged", "Flagged rules"],
  ["findings", "Findings"],
  ["not-exercised", "Not exercised"],
  ["scenarios", "Scenarios"],
  ["input-space", "Input space"],
  ["pictures", "Pictures"],
  ["interop", "Tempest ids"],
  ["cleanup", "Cleanup"],
] as const;

/**
 * report.html: the whole report as one self-contained page (inline stylesheet and SVG, no request of any kind),
 * readable offline and printable; every string of the report is escaped.
 */
export function renderHtml(report: Report): string {
  const toc = contents
    .filter(([id]) => id !== "input-space" || report.inputSpace !== undefined)
    .map(([id, title]) => markup`<li><a href="#${id}">${title}</a></li>`);
  const body = markup`${verdictBanner(report)}
<div class="wrap"><nav class="toc" aria-label="Contents"><ul>${toc}</ul></nav></div>
<main class="wrap">
${statusTable(report)}
${runSection(report)}
${flaggedSection(report)}
${findingsSection(report)}
${notExercisedSection(report)}
${scenariosSection(report)}
${inputSpaceSection(report)}
${plotsSection(report)}
${interopSection(report)}
${cleanupSection(report)}
<footer><p>Written by image-tag-conformance ${report.suiteVersion} from report.json, which holds everything shown here and is the authoritative record (schema: reports/report.schema.json). Tokens are redacted in every exchange.</p></footer>
</main>`;
  return page(`Image tag conformance: ${report.profile} — ${report.verdict}`, body);
}
