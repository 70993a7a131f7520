import type { Report } from "../../../reports/Report";
import { renderHtml } from "../../../reports/renderHtml";
import { validateReport } from "../../../reports/validateReport";
import { hostile, reportFixture } from "../../support/reportFixture";

const count = (text: string, needle: string): number => text.split(needle).length - 1;

/** The markup of the element whose opening tag carries this attribute, up to its closing tag. */
function elementWith(page: string, attribute: string, tag: string): string {
  const start = page.indexOf(attribute);
  const open = page.lastIndexOf(`<${tag}`, start);
  return page.slice(open, page.indexOf(`</${tag}>`, start));
}

describe("renderHtml", () => {
  const report = reportFixture();
  const page = renderHtml(report);

  it("the fixture is a valid report.json", () => {
    expect(validateReport(report)).toEqual([]);
  });

  it("never lets report text become markup", () => {
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img src=x");
    expect(page).not.toContain("\u0000");
    expect(page).toContain("&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    // The page's own print helper is its only script.
    expect(count(page, "<script")).toBe(1);
    expect(hostile).toContain("</script>");
  });

  it("fetches nothing: a policy that forbids it, and no reference outside the page", () => {
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
    const references = [...page.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? "");
    expect(references.length).toBeGreaterThan(5);
    expect(references.filter((r) => !r.startsWith("#") && r !== "data:,")).toEqual([]);
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
  });

  it("shows the verdict, its exit code and rule, the product, the profile's digest, the seed and how to reproduce", () => {
    expect(page).toContain('<header class="banner v-non-conformant">');
    expect(page).toContain('NON-CONFORMANT<span class="exit">exit code 1</span>');
    expect(page).toContain("a core scenario failed");
    expect(page).toContain("Cloud &lt;/script&gt;");
    expect(page).toContain("a".repeat(64));
    expect(page).toContain("<code>7</code>");
    expect(page).toContain("image-tag-conformance run --seed 7");
  });

  it("has a row for every documented status, with its outcome as a word", () => {
    const rows = [...page.matchAll(/<tr class="edge-b-([a-z-]+)" data-status="(\d+)">/g)].map((m) => [
      m[2],
      m[1],
    ]);
    expect(rows).toEqual([
      ["204", "fail"],
      ["403", "not-exercised"],
    ]);
    expect(elementWith(page, 'data-status="403"', "tr")).toContain(">NOT EXERCISED</span>");
  });

  it("labels a failure by its tier: FAIL, FINDING (extended) or FLAGGED", () => {
    const outcomes = [...page.matchAll(/data-scenario="([^"]+)" data-outcome="([A-Z ]+)"/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(outcomes).toEqual([
      ["204-delete-present-tag", "FAIL"],
      ["204-prop-delete-present", "PASS"],
      ["204-concurrent-distinct-tags", "FINDING"],
      ["204-flagged-astral-plane", "FLAGGED"],
      ["403-shared-image-not-modifiable", "NOT EXERCISED"],
    ]);
  });

  it("opens a failed status, and a failed scenario's exchanges, but not a passed one's", () => {
    expect(page).toMatch(/<details class="status edge-b-fail" data-status="204" open>/);
    expect(page).toMatch(/<details class="status edge-b-not-exercised" data-status="403">/);
    const failed = elementWith(page, 'data-scenario="204-delete-present-tag"', "details");
    expect(failed).toContain('<details class="exchanges" open>');
    expect(failed).toContain('<tr class="ok-no"><th scope="row">status</th><td>NO</td>');
    const passed = page.slice(page.indexOf('data-scenario="204-prop-delete-present"'));
    expect(passed).toMatch(/^[^]*?<details class="exchanges">/);
  });

  it("shows flagged rules, findings, not-exercised scenarios, cleanup and the Tempest ids", () => {
    expect(elementWith(page, 'id="flagged"', "section")).toContain(">FLAGGED</span>");
    const findings = elementWith(page, 'id="findings"', "section");
    expect(findings).toContain("204-concurrent-distinct-tags");
    expect(findings).toContain("400 but stored");
    expect(elementWith(page, 'id="not-exercised"', "section")).toContain("needs --alt-token");
    expect(elementWith(page, 'id="cleanup"', "section")).toContain("<code>img-1</code>");
    expect(elementWith(page, 'id="interop"', "section")).toContain("10407036-6059-4f95-a2cd-cbbbee7ed329");
  });

  it("draws the three plots, each with a title and a text alternative", () => {
    for (const id of ["plot-latency", "plot-timeline", "plot-classes-0"]) {
      expect(page).toContain(`aria-labelledby="${id}-t" aria-describedby="${id}-d"`);
      expect(page).toContain(`<title id="${id}-t">`);
      expect(page).toContain(`<desc id="${id}-d">`);
    }
  });

  it("says when a run was aborted or partial", () => {
    const cut: Report = {
      ...report,
      aborted: { kind: "unreachable", message: `gone ${hostile}` },
      partial: "--only 204-delete-present-tag",
    };
    const text = renderHtml(cut);
    expect(text).toContain("<strong>Aborted (unreachable):</strong> gone &lt;/script&gt;");
    expect(text).toContain("<strong>Partial run:</strong> --only 204-delete-present-tag");
    expect(page).not.toContain("Partial run");
  });

  it("a huge string from the target does not make a huge page", () => {
    const huge = "z".repeat(2_000_000);
    const big: Report = { ...report, findings: [{ id: "f", title: "t", detail: huge, exchanges: [] }] };
    expect(renderHtml(big).length).toBeLessThan(page.length + 10_000);
  });
});
