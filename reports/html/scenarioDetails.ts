import type { ScenarioEntry } from "../Report";
import { badge } from "./badge";
import { checksTable } from "./checksTable";
import { exchangesBlock } from "./exchangeView";
import { formatCount, formatMs } from "./format";
import { markup, type Html } from "./Html";
import { labelClass } from "./palette";
import { propertyView } from "./propertyView";
import { scenarioAnchor, scenarioLabel } from "./scenarioLabel";

const tierWords = {
  core: "core: decides the verdict",
  extended: "extended: a failure is a finding, not a verdict",
  flagged: "flagged rule: reported, not part of the verdict",
} as const;

function reasonFact(s: ScenarioEntry): Html | "" {
  if (s.reason === undefined) return "";
  const term =
    s.outcome === "fail"
      ? "Failed because"
      : s.outcome === "not-exercised"
        ? "Not exercised because"
        : "Note";
  return markup`<dt>${term}</dt><dd>${s.cause === undefined ? "" : markup`<strong>${s.cause}</strong>: `}${s.reason}</dd>`;
}

/** One scenario, collapsed to a line; opened, its expectation, observation, checks, breaches and exchanges. */
export function scenarioDetails(s: ScenarioEntry): Html {
  const label = scenarioLabel(s);
  const failed = s.outcome === "fail";
  const breaches =
    s.breaches.length === 0
      ? ""
      : markup`<h5>Breaches: rules no tier excuses (they fail the verdict whatever the tier)</h5>${checksTable(s.breaches, "Broken rules that no tier excuses")}`;
  return markup`<details class="scenario edge-${labelClass(label)}" id="${scenarioAnchor(s.id)}" data-scenario="${s.id}" data-outcome="${label}">
<summary><h4>${badge(label)} <code>${s.id}</code></h4> ${s.title} <span class="meta">· ${s.kind} · ${formatCount(s.requests)} requests · ${formatMs(s.durationMs)}</span></summary>
<div class="body">
<dl class="facts">
<dt>Expected</dt><dd>${s.expected}</dd>
<dt>Observed</dt><dd>${s.observed}</dd>
${reasonFact(s)}
<dt>Tier</dt><dd>${tierWords[s.tier]}</dd>
${s.tempestId === undefined ? "" : markup`<dt>Tempest id</dt><dd><code>${s.tempestId}</code></dd>`}
<dt>When</dt><dd>started ${formatMs(s.startedMs)} after the run began, took ${formatMs(s.durationMs)}, sent ${formatCount(s.requests)} requests</dd>
</dl>
${breaches}
<h5>Checks</h5>
${checksTable(s.evidence.checks, failed ? "Checks of the failing case" : "Checks")}
${s.property === undefined ? "" : propertyView(s.property)}
<h5>Evidence</h5>
${exchangesBlock(s.evidence.exchanges, failed)}
</div>
</details>`;
}
