import { STATUS_CODES } from "node:http";
import type { Exchange } from "../src/http/Exchange";

// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): the objects and fields this suite writes. Fields
// starting with "_" are custom, as the spec allows.
export interface HarNameValue {
  readonly name: string;
  readonly value: string;
}

export interface HarRequest {
  readonly method: string;
  readonly url: string;
  readonly httpVersion: string;
  readonly cookies: readonly HarNameValue[];
  readonly headers: readonly HarNameValue[];
  readonly queryString: readonly HarNameValue[];
  readonly postData?: { readonly mimeType: string; readonly text: string };
  readonly headersSize: number;
  readonly bodySize: number;
}

export interface HarResponse {
  readonly status: number;
  readonly statusText: string;
  readonly httpVersion: string;
  readonly cookies: readonly HarNameValue[];
  readonly headers: readonly HarNameValue[];
  readonly content: { readonly size: number; readonly mimeType: string; readonly text: string };
  readonly redirectURL: string;
  readonly headersSize: number;
  readonly bodySize: number;
}

export interface HarEntry {
  readonly startedDateTime: string;
  readonly time: number;
  readonly request: HarRequest;
  readonly response: HarResponse;
  readonly cache: Record<string, never>;
  readonly timings: { readonly send: number; readonly wait: number; readonly receive: number };
  readonly comment: string;
  readonly _seq: number;
  readonly _operationId: string;
  readonly _principal: string;
}

export interface HarLog {
  readonly log: {
    readonly version: "1.2";
    readonly creator: { readonly name: string; readonly version: string };
    readonly entries: readonly HarEntry[];
    readonly comment: string;
  };
}

export interface HarMeta {
  readonly suiteVersion: string;
  /** When the run started (ISO 8601). */
  readonly startedAt: string;
  /** When an exchange was sent, in ms after the run started, when known (the run's timeline). */
  readonly startedMs?: (e: Exchange) => number | undefined;
  readonly runId: string;
}

const pairs = (headers: Readonly<Record<string, string>>): HarNameValue[] =>
  Object.entries(headers).map(([name, value]) => ({ name, value }));

function requestOf(e: Exchange, baseUrl: string): HarRequest {
  const url = `${baseUrl.replace(/\/+$/, "")}${e.path}`;
  let query: [string, string][] = [];
  try {
    query = [...new URL(url).searchParams];
  } catch {
    // Not a URL that WHATWG parses: the entry keeps it as sent, without a query breakdown.
  }
  const body = e.requestBody;
  return {
    method: e.method,
    url,
    httpVersion: "HTTP/1.1",
    cookies: [],
    headers: pairs(e.requestHeaders),
    queryString: query.map(([name, value]) => ({ name, value })),
    ...(body === undefined
      ? {}
      : { postData: { mimeType: e.requestHeaders["Content-Type"] ?? "application/json", text: body } }),
    headersSize: -1,
    bodySize: body === undefined ? 0 : Buffer.byteLength(body),
  };
}

function responseOf(e: Exchange): HarResponse {
  const location = Object.entries(e.responseHeaders).find(([k]) => k.toLowerCase() === "location")?.[1];
  const type = Object.entries(e.responseHeaders).find(([k]) => k.toLowerCase() === "content-type")?.[1];
  const size = Buffer.byteLength(e.responseBody);
  return {
    status: e.status,
    statusText: STATUS_CODES[e.status] ?? "",
    httpVersion: "HTTP/1.1",
    cookies: [],
    headers: pairs(e.responseHeaders),
    content: { size, mimeType: type ?? "", text: e.responseBody },
    // HAR: redirectURL is the Location of a redirect; a 201 Created names the new resource, not a redirect.
    redirectURL: e.status >= 300 && e.status < 400 ? (location ?? "") : "",
    headersSize: -1,
    bodySize: size,
  };
}

/**
 * A run's exchanges as a HAR 1.2 log, in the order sent, for browser devtools and other HTTP tools. The
 * exchanges are already redacted (tokens as [redacted]) and their bodies capped as the evidence is; the
 * suite measures only a request's whole duration, so the timings put it all under wait.
 */
export function toHar(exchanges: readonly Exchange[], baseUrl: string, meta: HarMeta): HarLog {
  const origin = Date.parse(meta.startedAt);
  const bySeq = new Map(exchanges.map((e) => [e.seq, e]));
  const entries = [...bySeq.values()]
    .sort((a, b) => a.seq - b.seq)
    .map((e): HarEntry => {
      const t = meta.startedMs?.(e);
      return {
        startedDateTime: new Date(origin + (t ?? 0)).toISOString(),
        time: e.durationMs,
        request: requestOf(e, baseUrl),
        response: responseOf(e),
        cache: {},
        timings: { send: 0, wait: e.durationMs, receive: 0 },
        comment: `#${e.seq} ${e.operationId} as ${e.principal}${t === undefined ? " (start time: the run's)" : ""}${e.resent === true ? "; sent twice: the kept-alive connection closed unanswered, then on a new one" : ""}`,
        _seq: e.seq,
        _operationId: e.operationId,
        _principal: e.principal,
      };
    });
  return {
    log: {
      version: "1.2",
      creator: { name: "image-tag-conformance", version: meta.suiteVersion },
      entries,
      comment: `run ${meta.runId}; tokens redacted; bodies over the evidence cap are cut`,
    },
  };
}
