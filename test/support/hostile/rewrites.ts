import { gzipSync } from "node:zlib";
import type { Forwarded } from "./forward";

/** The answer's media type as it was, without parameters, lower-cased. */
function mediaTypeOf(answer: Forwarded): string {
  return (String(answer.headers["content-type"] ?? "").split(";")[0] ?? "").trim().toLowerCase();
}

/**
 * json-charset, json-uppercase: an error answer in JSON gets another spelling of the same media type (RFC 9110
 * §8.3.1: the type is case-insensitive, and a charset parameter changes nothing for JSON).
 */
export function retyped(answer: Forwarded, contentType: string): Forwarded {
  if (answer.status < 400 || mediaTypeOf(answer) !== "application/json") return answer;
  return { ...answer, headers: { ...answer.headers, "content-type": contentType } };
}

/**
 * Whether a request's Accept-Encoding lets the server gzip: absent means any coding (RFC 9110 §12.5.3), and a
 * list allows gzip unless it names neither gzip nor *, or gives it q=0.
 */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (acceptEncoding === undefined) return true;
  return acceptEncoding.split(",").some((part) => {
    const [coding = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    return (coding === "gzip" || coding === "*") && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** gzip-errors: an error answer's body gzipped (Content-Encoding: gzip) when the request allows it. */
export function gzipped(answer: Forwarded, acceptEncoding: string | undefined): Forwarded {
  if (answer.status < 400 || answer.body.length === 0 || !acceptsGzip(acceptEncoding)) return answer;
  return {
    ...answer,
    headers: { ...answer.headers, "content-encoding": "gzip", vary: "Accept-Encoding" },
    body: gzipSync(answer.body),
  };
}
