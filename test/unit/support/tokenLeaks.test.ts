import { encodedEchoes, percentEncodeAll, unicodeEscapeAll } from "../../support/hostile/echoToken";
import { leakedSecrets } from "../../support/hostile/tokenLeaks";
import { tokens } from "../../support/reference";

// The e2e tests' leak check: it must see a token in every form the hostile target echoes it in.
describe("leakedSecrets", () => {
  const secrets = [tokens.owner, tokens.alt];
  const owner = tokens.owner;

  it.each([
    ["raw", owner],
    ["upper-cased", owner.toUpperCase()],
    ["in a lower-cased header name", `"x-echo-${owner}": "1"`],
    ["percent-encoded, upper hex", percentEncodeAll(owner, "upper")],
    ["percent-encoded, lower hex", percentEncodeAll(owner, "lower")],
    ["partly percent-encoded", owner.replace(/-/g, "%2D")],
    ["\\u-escaped in JSON text", `{"m":"${unicodeEscapeAll(owner, "upper")}"}`],
    [
      "\\u-escaped text escaped again in report.json",
      JSON.stringify({ body: `"${unicodeEscapeAll(owner, "lower")}"` }),
    ],
    ["percent-encoded inside JSON", JSON.stringify({ path: `/x?t=${percentEncodeAll(owner, "lower")}` })],
  ])("finds the token %s", (_, text) => {
    expect(leakedSecrets(`prefix ${text} suffix`, secrets)).toEqual([owner]);
  });

  it.each(Object.entries(encodedEchoes(owner)))("finds the token as the hostile target's %s", (_, text) => {
    expect(leakedSecrets(`prefix ${JSON.stringify({ m: text })} suffix`, secrets)).toEqual([owner]);
    expect(leakedSecrets(`<td>${text}</td>`, secrets)).toEqual([owner]);
  });

  it("finds nothing in ordinary base64 or hex", () => {
    const text = `${Buffer.from("test-owner-token-5f1").toString("base64")} ${Buffer.from("another text entirely").toString("hex")}`;
    expect(leakedSecrets(text, secrets)).toEqual([]);
  });

  it("finds nothing in redacted text, placeholders included", () => {
    const text = JSON.stringify({
      h: { "X-Auth-Token": "[redacted]", "x-echo-[redacted]": "1" },
      m: "<alt-token>",
    });
    expect(leakedSecrets(text, secrets)).toEqual([]);
  });

  it("tells the two tokens apart", () => {
    expect(leakedSecrets(`a ${percentEncodeAll(tokens.alt, "upper")} b`, secrets)).toEqual([tokens.alt]);
  });
});
