import type { Forwarded } from "./forward";

/** Every byte as %XX, in upper or lower hex. */
export function percentEncodeAll(text: string, hexCase: "upper" | "lower"): string {
  const hex = [...Buffer.from(text, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
  return hexCase === "upper" ? hex.toUpperCase() : hex;
}

/** Every UTF-16 code unit as a JSON \uXXXX escape (as it appears in JSON text, unparsed). */
export function unicodeEscapeAll(text: string, hexCase: "upper" | "lower"): string {
  let escaped = "";
  for (let i = 0; i < text.length; i++) escaped += `\\u${text.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return hexCase === "upper" ? escaped.replace(/[a-f]/g, (h) => h.toUpperCase()) : escaped;
}

/** Every character as an HTML character reference: decimal, or hex in upper case. */
export function htmlEntitiesAll(text: string, form: "decimal" | "hex"): string {
  return Array.from(text, (c) => {
    const cp = c.codePointAt(0) ?? 0;
    return form === "decimal" ? `&#${cp};` : `&#x${cp.toString(16).toUpperCase()};`;
  }).join("");
}

/**
 * The encodings of issue 20 (item 8), each as a careless echo would write it: base64 and base64url of the token
 * alone and inside a longer value (so at another alignment), hex in both cases, HTML character references, the
 * token spaced out and wrapped base64 (as MIME writes it).
 */
export function encodedEchoes(token: string): Record<string, string> {
  const bytes = (s: string): Buffer => Buffer.from(s, "utf8");
  return {
    echo_base64: bytes(token).toString("base64"),
    echo_base64_basic: bytes(`user:${token}`).toString("base64"),
    echo_base64_bearer: bytes(`Bearer ${token}`).toString("base64"),
    echo_base64url: bytes(`${token}??`).toString("base64url"),
    echo_hex_lower: bytes(token).toString("hex"),
    echo_hex_upper: bytes(`t=${token}`).toString("hex").toUpperCase(),
    echo_html_decimal: htmlEntitiesAll(token, "decimal"),
    echo_html_hex: htmlEntitiesAll(token, "hex"),
    echo_spaced: Array.from(token).join(" "),
    echo_zero_width: Array.from(token).join("\u200b"),
    echo_mime: bytes(`x${token}x`)
      .toString("base64")
      .replace(/(.{4})/g, "$1\r\n"),
  };
}

/** A token that may serve as (part of) a header name: RFC 9110 §5.6.2 tchar. */
const tchars = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * echo-token: every answer gets a header named after the request's token and headers with it encoded, and every
 * JSON error object gets the token raw, percent-encoded (upper and lower hex), \u-escaped (upper and lower hex)
 * and in each of encodedEchoes' forms as extra members, so the body still matches the profile's error schema.
 */
export function echoToken(answer: Forwarded, token: string | undefined): Forwarded {
  if (token === undefined || token === "") return answer;
  const headers = { ...answer.headers };
  if (tchars.test(token)) headers[`x-echo-${token}`] = "1";
  const encoded = encodedEchoes(token);
  // In headers too (values only: header values are ASCII, so the zero-width form stays in the body).
  for (const name of ["echo_base64_bearer", "echo_hex_lower", "echo_html_decimal", "echo_spaced"])
    headers[`x-${name.replace(/_/g, "-")}`] = encoded[name] ?? "";
  const type = String(headers["content-type"] ?? "");
  if (answer.status < 400 || !type.startsWith("application/json")) return { ...answer, headers };
  let body: unknown;
  try {
    body = JSON.parse(answer.body.toString("utf8"));
  } catch {
    return { ...answer, headers };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { ...answer, headers };
  const withEcho = {
    ...(body as Record<string, unknown>),
    echo: token,
    echo_percent_upper: percentEncodeAll(token, "upper"),
    echo_percent_lower: percentEncodeAll(token, "lower"),
    echo_unicode_lower: "@@LOWER@@",
    echo_unicode_upper: "@@UPPER@@",
    ...encoded,
  };
  const text = JSON.stringify(withEcho)
    .replace('"@@LOWER@@"', () => `"${unicodeEscapeAll(token, "lower")}"`)
    .replace('"@@UPPER@@"', () => `"${unicodeEscapeAll(token, "upper")}"`);
  return { ...answer, headers, body: Buffer.from(text, "utf8") };
}

/**
 * echo-token-in-type: as echoToken, and error answers get a Content-Type that is no JSON and names the token in
 * several encodings, so that the failed "content type" check quotes it: the reason reaches the summary, junit.xml,
 * report.md/html and the GitHub job summary, not only the evidence.
 */
export function echoTokenInType(answer: Forwarded, token: string | undefined): Forwarded {
  const echoed = echoToken(answer, token);
  if (token === undefined || token === "" || answer.status < 400) return echoed;
  const e = encodedEchoes(token);
  const type = `text/x-echo; b64="${e["echo_base64_bearer"] ?? ""}"; hex=${e["echo_hex_lower"] ?? ""}; html="${e["echo_html_hex"] ?? ""}"; spaced="${e["echo_spaced"] ?? ""}"`;
  return { ...echoed, headers: { ...echoed.headers, "content-type": type } };
}
