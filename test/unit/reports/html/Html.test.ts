import { escapeHtml } from "../../../../reports/html/escapeHtml";
import { markup, maxShownChars, trusted } from "../../../../reports/html/Html";

describe("escapeHtml and markup``", () => {
  it("escapes the five characters that can end text or an attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("shows C0 controls and DEL as control pictures, and keeps tab, line feed and carriage return", () => {
    expect(escapeHtml("a\u0000b\u001bc\u007fd\t\n\r")).toBe("a\u2400b\u241bc\u2421d\t\n\r");
  });

  it("escapes every interpolated string but not markup built by markup`` itself", () => {
    const inner = markup`<b>${"<i>"}</b>`;
    expect(markup`<p title="${'"><script>'}">${inner}${["<x>", 3, undefined, false]}</p>`.markup).toBe(
      '<p title="&quot;&gt;&lt;script&gt;"><b>&lt;i&gt;</b>&lt;x&gt;3</p>',
    );
    expect(markup`${trusted("<hr>")}`.markup).toBe("<hr>");
  });

  it("clips a huge string and says how much is left out", () => {
    const out = markup`${"y".repeat(maxShownChars + 500)}`.markup;
    expect(out.length).toBeLessThan(maxShownChars + 100);
    expect(out).toMatch(/… \[500 more characters in report\.json\]$/);
  });
});
