import { Redactor } from "../../../src/http/Redactor";

const token = "OWNER-SECRET-7c1d2e";
const percent = (s: string, hex: (b: number) => string): string =>
  Array.from(Buffer.from(s, "utf8"))
    .map((b) => `%${hex(b)}`)
    .join("");

describe("Redactor", () => {
  it("replaces every occurrence of every secret, longest first", () => {
    const r = new Redactor(["abc", "abcdef", undefined, ""]);
    expect(r.redact("x abcdef y abc z")).toBe("x [redacted] y [redacted] z");
    expect(r.redact("zzabczz")).toBe("zz[redacted]zz");
  });

  it("catches the common encodings of a secret: any letter case, percent-encoded, JSON-escaped", () => {
    const r = new Redactor([token]);
    const forms = [
      `x-echo-${token.toLowerCase()}`,
      token.toUpperCase(),
      percent(token, (b) => b.toString(16).toUpperCase().padStart(2, "0")),
      percent(token, (b) => b.toString(16).padStart(2, "0")),
      Array.from(token, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
      // Mixed, character by character, as a careless echo may write it.
      `${token.slice(0, 5)}%2D${token.slice(6)}`,
    ];
    for (const f of forms) expect(r.redact(`<${f}>`)).not.toMatch(/7c1d2e|%37%63|\\u0037/i);
  });

  it("keeps the suite's own placeholders even when a secret matches them", () => {
    const r = new Redactor(["alt-token"]);
    expect(r.redact("ITC_ALT_TOKEN=<alt-token> run; alt-token")).toBe(
      "ITC_ALT_TOKEN=<alt-token> run; [redacted]",
    );
  });
});

describe("Redactor.redactDeep", () => {
  it("redacts strings and keys at any depth and leaves other values alone", () => {
    const r = new Redactor([token]);
    expect(
      r.redactDeep({
        status: 1,
        text: `a ${token}`,
        list: [token, 2, null],
        nested: { [`x-echo-${token.toLowerCase()}`]: "1" },
      }),
    ).toEqual({
      status: 1,
      text: "a [redacted]",
      list: ["[redacted]", 2, null],
      nested: { "x-echo-[redacted]": "1" },
    });
  });

  it("does not recurse on the call stack: 200,000 levels deep is no problem", () => {
    let deep: unknown = token;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    let out = new Redactor([token]).redactDeep(deep);
    for (let i = 0; i < 200_000; i++) out = (out as unknown[])[0];
    expect(out).toBe("[redacted]");
  });
});
