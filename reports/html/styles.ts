import type { OutcomeLabel } from "../outcomeLabel";
import { labelClass, outcomeColours, verdictColours } from "./palette";

const labels = Object.keys(outcomeColours) as OutcomeLabel[];

/** Per label: the badge, the left edge of a row or a collapsible part, and a verdict banner. */
const colourRules = [
  ...labels.map((l) => {
    const c = outcomeColours[l];
    const k = labelClass(l);
    return `.badge.${k}{color:${c.ink};background:${c.paper};border-color:${c.ink}}.edge-${k}{border-left:5px solid ${c.ink}}`;
  }),
  ...Object.entries(verdictColours).map(
    ([v, c]) =>
      `.v-${v}{background:${c.paper};border-bottom-color:${c.ink}}.v-${v} .verdict{color:${c.ink}}.badge.vb-${v}{color:${c.ink};background:${c.paper};border-color:${c.ink}}`,
  ),
].join("\n");

/** The page's only stylesheet: inline, system fonts, nothing fetched. */
export const styles = `
:root{color-scheme:light;--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;
--mono:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,monospace}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 var(--sans);color:var(--ink);background:#fff}
.wrap{max-width:1180px;margin:0 auto;padding:0 24px}
main.wrap{padding-bottom:48px}
.banner{border-bottom:5px solid;padding:20px 0 16px}
.banner h1{margin:0;font-size:15px;font-weight:600;color:var(--muted)}
.banner .verdict{display:block;margin:2px 0 6px;font-size:34px;line-height:1.15;font-weight:800;letter-spacing:.03em}
.banner p{margin:4px 0}
.banner .exit{font-size:15px;font-weight:600;color:var(--ink);letter-spacing:0;margin-left:10px}
.counts{display:flex;flex-wrap:wrap;gap:6px 14px;margin-top:10px}
.notice{border:1px solid var(--line);border-left:5px solid #7d4e00;background:#fff8c5;padding:8px 12px;border-radius:6px;margin:12px 0}
nav.toc{margin:14px 0 0;font-size:14px}
nav.toc ul{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;margin:0;padding:0}
a{color:#0550ae}
h2{font-size:21px;margin:36px 0 12px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:17px;margin:24px 0 8px}
h4,h5{font-size:15px;margin:14px 0 6px}
summary h3,summary h4{display:inline;font-size:inherit;margin:0}
code,pre,kbd{font-family:var(--mono);font-size:13px}
code{overflow-wrap:anywhere}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:8px 10px;margin:4px 0;max-height:32em;overflow:auto}
dl.facts{display:grid;grid-template-columns:minmax(8em,max-content) 1fr;gap:4px 18px;margin:8px 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:8px 0}
caption{text-align:left;padding:2px 0 6px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}
thead th{background:var(--soft);font-size:13px;border-bottom:2px solid var(--line);white-space:nowrap}
table.statuses tbody th{white-space:nowrap}
table.flagged tbody th{min-width:16em}
table.flagged td.requires{min-width:22em}
table.statuses td:nth-child(2){min-width:14em}
table.matrix thead th,table.flag-matrix thead th{white-space:normal;overflow-wrap:anywhere}
table.matrix tbody th,table.flag-matrix tbody th{min-width:12em}
tbody th{font-weight:600}
table.pair-matrix td{text-align:center;font-variant-numeric:tabular-nums;white-space:nowrap;font-size:13px}
table.pair-matrix td.full{background:#e6f4ea}
table.pair-matrix td.part{background:#fff4e5;font-weight:700}
table.pair-matrix td.na{background:var(--soft)}
table.levels tr.unreached td,table.levels tr.unreached th{color:var(--muted)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge{display:inline-block;font:700 12px/1.25 var(--sans);letter-spacing:.04em;padding:2px 7px;border:1px solid;border-radius:4px;white-space:nowrap;vertical-align:1px}
.badge.b-not-exercised{border-style:dashed}
.muted,.meta{color:var(--muted)}
.meta{font-size:13px}
details{border:1px solid var(--line);border-radius:6px;margin:6px 0;background:#fff}
details>summary{cursor:pointer;padding:6px 10px}
details[open]>summary{border-bottom:1px solid var(--line)}
details>.body{padding:6px 12px 10px}
details.data,details.exchanges{border-style:dashed}
details.status>summary{font-size:16px;padding:8px 10px}
.ok-no{background:#fff5f5}
.ok-no td:nth-child(2){color:#a40e26;font-weight:700}
.ok-yes td:nth-child(2){color:#116329}
.exchange{margin:10px 0 14px}
.exchange .head{margin:0 0 2px;font-size:14px}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:8px;align-items:start}
@media (max-width:860px){.pair{grid-template-columns:1fr}dl.facts{grid-template-columns:1fr}}
figure.plot{margin:10px 0 22px}
figure.plot svg{display:block;width:100%;height:auto;font-family:var(--sans)}
figure.plot figcaption{color:var(--muted);font-size:14px;margin:4px 0}
.plots-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:8px 28px;margin:8px 0}
figure.mini{margin:0}
figure.mini figcaption{color:var(--ink);font-size:14px;margin:0 0 2px}
main>h1{font-size:26px;margin:24px 0 8px}
footer{color:var(--muted);font-size:13px;border-top:1px solid var(--line);margin-top:40px;padding-top:10px}
${colourRules}
@media print{
  body{font-size:11pt}
  .wrap{max-width:none;padding:0}
  nav.toc{display:none}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  details::details-content{content-visibility:visible;display:block}
  details>summary{list-style:none}
  details>summary::-webkit-details-marker{display:none}
  pre{max-height:none;overflow:visible}
  h2,h3{break-after:avoid}
  figure.plot,.exchange,tr{break-inside:avoid}
}
`;
