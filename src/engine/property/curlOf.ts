import type { Exchange } from "../../http/Exchange";

const q = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;
const tokenVariable: Readonly<Record<string, string>> = { owner: "$ITC_TOKEN", alt: "$ITC_ALT_TOKEN" };

/** The exchange's request as a curl command; tokens appear as environment variables, never as values. */
export function curlOf(e: Exchange, baseUrl: string, authHeader: string): string {
  const parts = ["curl", "-i", "-X", e.method];
  for (const [name, value] of Object.entries(e.requestHeaders)) {
    if (name === authHeader) {
      const variable = tokenVariable[e.principal];
      parts.push("-H", variable === undefined ? q(`${name}: <${e.principal}>`) : `"${name}: ${variable}"`);
    } else {
      parts.push("-H", q(`${name}: ${value}`));
    }
  }
  if (e.requestBody !== undefined) parts.push("--data", q(e.requestBody));
  parts.push(q(`${baseUrl}${e.path}`));
  return parts.join(" ");
}
