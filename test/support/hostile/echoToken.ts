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

/** A token that may serve as (part of) a header name: RFC 9110 §5.6.2 tchar. */
const tchars = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * echo-token: every answer gets a header named after the request's token, and every JSON error object gets
 * the token raw, percent-encoded (upper and lower hex) and \u-escaped (upper and lower hex) as extra members,
 * so the body still matches the profile's error schema.
 */
export function echoToken(answer: Forwarded, token: string | undefined): Forwarded {
  if (token === undefined || token === "") return answer;
  const headers = { ...answer.headers };
  if (tchars.test(token)) headers[`x-echo-${token}`] = "1";
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
  };
  const text = JSON.stringify(withEcho)
    .replace('"@@LOWER@@"', () => `"${unicodeEscapeAll(token, "lower")}"`)
    .replace('"@@UPPER@@"', () => `"${unicodeEscapeAll(token, "upper")}"`);
  return { ...answer, headers, body: Buffer.from(text, "utf8") };
}
