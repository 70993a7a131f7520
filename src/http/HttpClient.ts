import type { IncomingMessage } from "node:http";
import { performance } from "node:perf_hooks";
import supertest from "supertest";
import { RunAborted, TransportError } from "./errors";
import { principalLabel, type Exchange, type HttpMethod, type Principal } from "./Exchange";
import type { HttpStats } from "./HttpStats";
import type { Redactor } from "./Redactor";

export interface Credentials {
  readonly owner: string;
  readonly alt: string | undefined;
}

export interface HttpRequest {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Already percent-encoded path relative to the base URL. */
  readonly path: string;
  readonly as: Principal;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body; sent with Content-Type application/json. */
  readonly json?: unknown;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The whole body as text. */
  readonly text: string;
  readonly exchange: Exchange;
}

export interface HttpClientOptions {
  readonly baseUrl: string;
  readonly authHeader: string;
  readonly credentials: Credentials;
  readonly redactor: Redactor;
  readonly stats: HttpStats;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number;
  /** Runs before every request (token renewal). */
  readonly beforeSend?: () => Promise<void>;
  /** The least time between the starts of two requests (from --rate). */
  readonly minIntervalMs?: number;
  /** Called with every recorded exchange; the engine files them under the running scenario. */
  readonly onExchange?: (exchange: Exchange) => void;
  /** performance.now() when the run started: the origin of the samples' times. */
  readonly origin?: number;
}

/** Counts the time during which at least one request is in flight (parallel requests counted once). */
class BusyClock {
  private inFlight = 0;
  private since = 0;
  constructor(private readonly stats: HttpStats) {}
  start(): void {
    if (this.inFlight++ === 0) this.since = performance.now();
  }
  stop(): void {
    if (--this.inFlight === 0) this.stats.waitMs += performance.now() - this.since;
  }
}

const busyClocks = new WeakMap<HttpStats, BusyClock>();

const evidenceCap = 4096;

/** superagent parser that keeps every body as text; superagent's typings name the raw message its Response. */
const readText = ((res: IncomingMessage, done: (err: Error | null, body: string) => void): void => {
  let data = "";
  res.setEncoding("utf8");
  res.on("data", (chunk: string) => (data += chunk));
  res.on("end", () => {
    done(null, data);
  });
}) as unknown as Parameters<supertest.Test["parse"]>[0];

function cap(text: string): string {
  return text.length <= evidenceCap ? text : `${text.slice(0, evidenceCap)}… (${text.length} chars)`;
}

function headerRecord(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : String(v);
  }
  return out;
}

/** The suite's HTTP layer (supertest over a URL): sends, times, records and redacts every exchange. */
export class HttpClient {
  private seq = 0;
  private nextStart = 0;

  constructor(private readonly options: HttpClientOptions) {}

  /** The same client without the abort signal, for cleanup after Ctrl-C. */
  unstoppable(): HttpClient {
    const copy = new HttpClient({ ...this.options, signal: undefined });
    copy.seq = this.seq + 100000;
    return copy;
  }

  get stats(): HttpStats {
    return this.options.stats;
  }

  private tokenOf(p: Principal): string | undefined {
    if (p === "anonymous") return undefined;
    if (p === "owner") return this.options.credentials.owner;
    if (p === "alt") {
      const alt = this.options.credentials.alt;
      if (alt === undefined) throw new Error("the alt identity was used without an alt token");
      return alt;
    }
    return p.token;
  }

  /** Waits for this request's turn under --rate; concurrent callers queue up one interval apart. */
  private async pace(): Promise<void> {
    const interval = this.options.minIntervalMs ?? 0;
    if (interval <= 0) return;
    const now = performance.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + interval;
    if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now));
  }

  /** The principal's token as the next request would carry it (renewed first if it is about to expire). */
  async currentToken(p: "owner" | "alt"): Promise<string | undefined> {
    await this.options.beforeSend?.();
    return p === "alt" ? this.options.credentials.alt : this.options.credentials.owner;
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    if (this.options.signal?.aborted === true) throw new RunAborted("run aborted by the user");
    await this.options.beforeSend?.();
    const { baseUrl, authHeader, redactor, stats } = this.options;
    const headers: Record<string, string> = { Accept: "application/json", ...req.headers };
    const token = this.tokenOf(req.as);
    if (token !== undefined) headers[authHeader] = token;
    const body = req.json === undefined ? undefined : JSON.stringify(req.json);
    const agent = supertest(baseUrl);
    const method = req.method.toLowerCase() as "get" | "put" | "post" | "delete";
    let test = agent[method](req.path).redirects(0).buffer(true).parse(readText);
    test = test.timeout({
      response: this.options.timeoutMs ?? 30000,
      deadline: (this.options.timeoutMs ?? 30000) * 2,
    });
    for (const [k, v] of Object.entries(headers)) test = test.set(k, v);
    if (body !== undefined) test = test.set("Content-Type", "application/json").send(body);
    await this.pace();
    const started = performance.now();
    let clock = busyClocks.get(stats);
    if (clock === undefined) busyClocks.set(stats, (clock = new BusyClock(stats)));
    clock.start();
    let res: supertest.Response;
    try {
      res = await test;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new TransportError(`${req.method} ${baseUrl}${req.path}: ${redactor.redact(why)}`);
    } finally {
      clock.stop();
    }
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    const text = typeof res.body === "string" ? res.body : "";
    const responseHeaders = headerRecord(res.headers);
    const requestHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers))
      requestHeaders[k] = k === authHeader ? "[redacted]" : redactor.redact(v);
    if (body !== undefined) requestHeaders["Content-Type"] = "application/json";
    this.seq += 1;
    stats.requests += 1;
    stats.samples.push({
      t: Math.round(started - (this.options.origin ?? 0)),
      ms: durationMs,
      status: res.status,
      op: req.operationId,
    });
    stats.byStatus[String(res.status)] = (stats.byStatus[String(res.status)] ?? 0) + 1;
    if (res.status >= 500) stats.serverErrors.push(this.seq);
    const exchange: Exchange = {
      seq: this.seq,
      operationId: req.operationId,
      method: req.method,
      path: redactor.redact(req.path),
      principal: principalLabel(req.as),
      requestHeaders,
      ...(body === undefined ? {} : { requestBody: cap(redactor.redact(body)) }),
      status: res.status,
      responseHeaders: Object.fromEntries(
        Object.entries(responseHeaders).map(([k, v]) => [k, redactor.redact(v)]),
      ),
      responseBody: cap(redactor.redact(text)),
      durationMs,
    };
    this.options.onExchange?.(exchange);
    return { status: res.status, headers: responseHeaders, text, exchange };
  }
}
