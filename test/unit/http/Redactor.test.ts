import { Redactor } from "../../../src/http/Redactor";

describe("Redactor", () => {
  it("replaces every occurrence of every secret, longest first", () => {
    const r = new Redactor(["abc", "abcdef", undefined, ""]);
    expect(r.redact("x abcdef y abc z")).toBe("x [redacted] y [redacted] z");
    expect(r.redact("zzabczz")).toBe("zz[redacted]zz");
  });
});

describe("Redactor.redactDeep", () => {
  it("redacts string values at any depth and leaves keys and other values alone", () => {
    const r = new Redactor(["t"]);
    expect(r.redactDeep({ status: 1, text: "a t", list: ["t", 2, null], nested: { t: "tt" } })).toEqual({
      status: 1,
      text: "a [redacted]",
      list: ["[redacted]", 2, null],
      nested: { t: "[redacted][redacted]" },
    });
  });
});
