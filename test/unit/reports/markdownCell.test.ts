import { inlineCode, markdownCell } from "../../../reports/markdownCell";

describe("markdownCell", () => {
  it("one line, pipes escaped, HTML neutralised", () => {
    expect(markdownCell("a | b\nc\r\nd")).toBe("a \\| b c d");
    expect(markdownCell("<img src=x onerror=alert(1)> & co")).toBe(
      "&lt;img src=x onerror=alert(1)> &amp; co",
    );
  });

  it("clipped, saying how long the text was", () => {
    expect(markdownCell("x".repeat(20), 5)).toBe("xxxxx… (20 chars)");
  });
});

describe("inlineCode", () => {
  it("a fence longer than any backtick run inside (CommonMark code spans)", () => {
    expect(inlineCode("plain")).toBe("`plain`");
    expect(inlineCode("a `b` c")).toBe("``a `b` c``");
    expect(inlineCode("``x")).toBe("``` ``x ```");
  });

  it("pipes escaped in a table cell only", () => {
    expect(inlineCode("a | b", true)).toBe("`a \\| b`");
    expect(inlineCode("a | b")).toBe("`a | b`");
  });
});
