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

  it("catches a secret as base64, base64url or hex of its bytes, wherever it sits in a longer encoded text", () => {
    const secret = "gAAAAABn-owner/secret+token?~~";
    const r = new Redactor([secret]);
    const b64 = (s: string): string => Buffer.from(s, "utf8").toString("base64");
    const texts: string[] = [];
    // Each alignment of the secret inside base64: 0, 1 and 2 bytes before it, any bytes after.
    for (const before of ["", "x", "xy", "Bearer ", "token="])
      for (const after of ["", "!", "??", "\n"]) {
        texts.push(b64(`${before}${secret}${after}`));
        texts.push(Buffer.from(`${before}${secret}${after}`, "utf8").toString("base64url"));
      }
    texts.push(
      Buffer.from(secret, "utf8").toString("hex"),
      Buffer.from(secret, "utf8").toString("hex").toUpperCase(),
    );
    // MIME base64, wrapped every 8 characters.
    texts.push(b64(`user:${secret}`).replace(/(.{8})/g, "$1\r\n"));
    for (const t of texts) {
      const out = r.redact(`{"echo":"${t}"}`);
      expect(out).toContain("[redacted]");
      // What is left of the encoded text no longer decodes to anything that holds the secret's middle.
      for (const piece of out.split(/[^A-Za-z0-9+/=_-]+/))
        for (const decoded of [
          Buffer.from(piece, "base64").toString("latin1"),
          Buffer.from(piece, "hex").toString("latin1"),
        ])
          expect(decoded).not.toContain("secret");
    }
  });

  it("catches HTML character references, \\x escapes, a spaced-out secret and nested encodings", () => {
    const secret = "test-owner-token-5f1c";
    const r = new Redactor([secret]);
    const each = (f: (c: string) => string): string => Array.from(secret, f).join("");
    const forms = [
      each((c) => `&#${c.charCodeAt(0)};`),
      each((c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`),
      each((c) => `&#00${c.charCodeAt(0)}`),
      each((c) => `\\x${c.charCodeAt(0).toString(16)}`),
      Array.from(secret).join(" "),
      Array.from(secret).join("\u200b"),
      Array.from(secret).join("\\n"),
      Array.from(secret).join("\r\n"),
      Array.from(secret).join("&nbsp;"),
      Array.from(secret).join("%20"),
      // An encoding of an encoding: percent-encoded \u escapes, an entity of an entity.
      each((c) => `%5Cu00${c.charCodeAt(0).toString(16)}`),
      each((c) => `&amp;#${c.charCodeAt(0)};`),
      // Mixed, character by character.
      each((c) =>
        c.charCodeAt(0) % 3 === 0
          ? `&#${c.charCodeAt(0)};`
          : c.charCodeAt(0) % 3 === 1
            ? `%${c.charCodeAt(0).toString(16)}`
            : c,
      ),
    ];
    for (const f of forms) {
      const out = r.redact(`<p>${f}</p>`);
      expect(out).toBe("<p>[redacted]</p>");
    }
  });

  it("leaves ordinary text alone, and a secret's neighbours outside the mark", () => {
    const r = new Redactor(["test-owner-token-5f1c"]);
    const text = 'GET /v2/images/4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90 {"message":"a b c %20 &amp; \\u0041"}';
    expect(r.redact(text)).toBe(text);
    expect(r.redact("a test-owner-token-5f1c b")).toBe("a [redacted] b");
    expect(r.redact("[test owner token 5f1c]")).toBe("[test owner token 5f1c]");
    expect(r.redact("[t e s t - o w n e r - t o k e n - 5 f 1 c]")).toBe("[[redacted]]");
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
