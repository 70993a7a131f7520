import type { Report } from "../Report";
import { badge } from "./badge";
import { markup, type Html } from "./Html";

/** The run's scratch images: how many were created and deleted, and every one left behind (or maybe left) with why. */
export function cleanupSection(report: Report): Html {
  const c = report.cleanup;
  const unverified = c.unverified ?? [];
  const left = c.leftBehind.length + unverified.length;
  const rows = [
    ...c.leftBehind.map(
      (l) => markup`<tr><th scope="row"><code>${l.imageId}</code></th><td>${l.why}</td></tr>`,
    ),
    // A name whose listing failed: an image stored under it may be left, unseen.
    ...unverified.map(
      (u) =>
        markup`<tr><th scope="row">maybe an image named <code>${u.name}</code></th><td>${u.why}</td></tr>`,
    ),
  ];
  return markup`<section id="cleanup" aria-labelledby="cleanup-h"><h2 id="cleanup-h">Cleanup</h2>
<p>${badge(left === 0 ? "PASS" : "FAIL")} ${c.created} scratch images created, ${c.deleted} deleted${left === 0 ? "; none left behind." : markup`; <strong>${left} left behind</strong>:`}</p>
${left === 0 ? "" : markup`<table><thead><tr><th scope="col">Image</th><th scope="col">Why it could not be deleted, or checked</th></tr></thead><tbody>${rows}</tbody></table>`}
</section>`;
}
