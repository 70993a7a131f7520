import { performance } from "node:perf_hooks";
import type { Agents } from "./Agents";
import { CredentialRejected, RunAborted, TargetThrottled, TransportError } from "./errors";
import { principalLabel, type Exchange, type HttpMethod, type Principal } from "./Exchange";
import type { HttpStats } from "./HttpStats";
import type { Pacer } from "./Pacer";
import type { Redactor } from "./Redactor";
import { isThrottled, retryAfterMs } from "./retryAfter";
import { transport, type RawResponse } from "./transport";
import { speaksTls } from "./speaksTls";
import { describeTransportError, RequestAborted, SpeaksTls } from "./transportErrors";
import { defaultUserAgent } from "./userAgent";

export interface Credentials {
  readonly owner: string;
  readonly alt: string | undefined;
}

export interface HttpRequest {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Already percent-encoded path (and query) relative to the base URL. */
  readonly path: string;
  readonly as: Principal;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body; sent with Content-Type application/json. */
  readonly json?: unknown;
  /** The statuses the caller expects: recorded with the exchange (a 5xx not among them breaks a core rule). */
  readonly expect?: readonly number[];
  /** A connection of its own, watched for bytes after a content-less answer (the subject request). */
  readonly watched?: boolean;
  /** Body bytes read at most (default 4 MiB); the rest is dropped and the response marked truncated. */
  readonly maxBodyBytes?: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text (at most maxBodyBytes of it). */
  readonly text: string;
  readonly truncated: boolean;
  /** Bytes that came after a response with no content (204): RFC 9110 §15.3.5 forbids any. */
  readonly trailingBytes: number;
  /** The first of them, as text (the exchange holds them redacted). */
  readonly trailing?: string;
  readonly exchange: Exchange;
}

export interface HttpClientOptions {
  readonly baseUrl: string;
  readonly authHeader: string;
  readonly credentials: Credentials;
  readonly redactor: Redactor;
  readonly stats: HttpStats;
  readonly agents: Agents;
  readonly pacer: Pacer;
  readonly signal?: AbortSignal | undefined;
  /** Bounds each whole request, from connecting to the last body byte (--timeout). */
  readonly timeoutMs?: number;
  /** Runs before every request (token renewal). */
  readonly beforeSend?: () => Promise<void>;
  /** Called with every recorded exchange; the engine files them under the running scenario. */
  readonly onExchange?: (exchange: Exchange) => void;
  /** performance.now() when the run started: the origin of the samples' times. */
  readonly origin?: number;
  /** The run's exchange numbers, shared by a client and its copies so that every exchange has its own. */
  readonly sequence?: { next: number };
  /** The User-Agent of every request (--user-agent); default: defaultUserAgent. */
  readonly userAgent?: string;
  /** The run's identities the target has accepted so far, shared by a client and its copies. */
  readonly accepted?: Set<"owner" | "alt">;
  /**
   * A read any valid token may make (the image list, one image): after a 401 to a token the target had
   * accepted, it tells an expired token (401 again) from a target that refused a good one (200).
   */
  readonly credentialCheckPath?: string;
}

const evidenceCap = 4096;
const defaultMaxBody = 4 * 1024 * 1024;
/** Retries of one request that the target throttled, before the request counts as throttled for good. */
const maxThrottleRetries = 5;

function cap(text: string): string {
  return text.length <= evidenceCap ? text : `${text.slice(0, evidenceCap)}… (${text.length} chars)`;
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

/** Shares one clock between a client and its copies, since they share their stats. */
const busyClocks = new WeakMap<HttpStats, BusyClock>();

/**
 * The suite's HTTP layer: sends (paced, throttling retried), times, records and redacts every exchange. A
 * transport failure is a TransportError, Ctrl-C a RunAborted, endless throttling a TargetThrottled.
 */
export class HttpClient {
  private readonly clock: BusyClock;
  private readonly options: HttpClientOptions & {
    readonly sequence: { next: number };
    readonly accepted: Set<"owner" | "alt">;
  };

  constructor(options: HttpClientOptions) {
    this.options = {
      ...options,
      sequence: options.sequence ?? { next: 0 },
      accepted: options.accepted ?? new Set(),
    };
    let clock = busyClocks.get(options.stats);
    if (clock === undefined) busyClocks.set(options.stats, (clock = new BusyClock(options.stats)));
    this.clock = clock;
  }

  /** The same client without the abort signal, for cleanup after Ctrl-C. */
  unstoppable(): HttpClient {
    return new HttpClient({ ...this.options, signal: undefined });
  }

  /** The same client, its exchanges going to another listener (a scenario running beside others). */
  withExchanges(onExchange: (exchange: Exchange) => void): HttpClient {
    return new HttpClient({ ...this.options, onExchange });
  }

  /**
   * Runs `send`, which starts n requests at once, as one burst of the pacer: they leave together, counted
   * against --rate, instead of one interval apart (which would make parallel requests sequential).
   */
  async together<T>(n: number, send: () => Promise<T>): Promise<T> {
    const { pacer, signal } = this.options;
    try {
      await pacer.burst(n, signal);
    } catch {
      throw new RunAborted("run aborted by the user");
    }
    try {
      return await send();
    } finally {
      pacer.endBurst();
    }
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

  /** The principal's token as the next request would carry it (renewed first if it is about to expire). */
  async currentToken(p: "owner" | "alt"): Promise<string | undefined> {
    await this.options.beforeSend?.();
    return p === "alt" ? this.options.credentials.alt : this.options.credentials.owner;
  }

  private async attempt(req: HttpRequest, headers: Record<string, string>, body: string | undefined) {
    const { baseUrl, redactor, stats, signal } = this.options;
    const started = performance.now();
    this.clock.start();
    let raw: RawResponse;
    try {
      raw = await transport(
        {
          url: new URL(`${baseUrl}${req.path}`),
          method: req.method,
          headers,
          ...(body === undefined ? {} : { body: Buffer.from(body, "utf8") }),
          deadlineMs: this.options.timeoutMs ?? 30000,
          signal,
          maxBodyBytes: req.maxBodyBytes ?? defaultMaxBody,
          watched: req.watched === true,
        },
        this.options.agents,
        async () => {
          // Paced like any request; the pause is not time spent waiting on the target.
          this.clock.stop();
          try {
            await this.options.pacer.wait(signal);
          } catch {
            throw new RequestAborted();
          } finally {
            this.clock.start();
          }
          stats.resent = (stats.resent ?? 0) + 1;
        },
      );
    } catch (error) {
      if (error instanceof RequestAborted) throw new RunAborted("run aborted by the user");
      const cause = (await speaksTls(new URL(baseUrl), error)) ? new SpeaksTls(error as Error) : error;
      const { text, isTls } = describeTransportError(cause, new URL(baseUrl).origin);
      throw new TransportError(`${req.method} ${req.path}: ${redactor.redact(text)}`, isTls);
    } finally {
      this.clock.stop();
    }
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    stats.requests += 1;
    stats.samples.push({
      t: Math.round(started - (this.options.origin ?? 0)),
      ms: durationMs,
      status: raw.status,
      op: req.operationId,
    });
    return { raw, durationMs, startedMs: Math.round(started - (this.options.origin ?? 0)) };
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const { authHeader, redactor, stats, signal } = this.options;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted === true) throw new RunAborted("run aborted by the user");
      await this.options.beforeSend?.();
      try {
        await this.options.pacer.wait(signal);
      } catch {
        throw new RunAborted("run aborted by the user");
      }
      // As OpenStack's own client asks (python-requests): gzip or deflate (RFC 9110 §12.5.3); any coded body,
      // asked for or not, is decoded before it is judged.
      const headers: Record<string, string> = {
        "User-Agent": this.options.userAgent ?? defaultUserAgent,
        Accept: "application/json",
        "Accept-Encoding": "gzip, deflate",
        ...req.headers,
      };
      // A near miss of a real token holds most of it: redacted like the token itself, from before it is sent.
      if (typeof req.as !== "string" && req.as.secret === true) redactor.add(req.as.token);
      const token = this.tokenOf(req.as);
      if (token !== undefined) headers[authHeader] = token;
      const body = req.json === undefined ? undefined : JSON.stringify(req.json);
      if (body !== undefined) headers["Content-Type"] = "application/json";
      const { raw, durationMs, startedMs } = await this.attempt(req, headers, body);
      if (isThrottled(raw.status, raw.headers)) {
        const wait = retryAfterMs(raw.headers["retry-after"], attempt);
        if (attempt >= maxThrottleRetries)
          throw new TargetThrottled(
            `${req.method} ${redactor.redact(req.path)}: still throttled (${raw.status}) after ${attempt} retries`,
          );
        stats.throttled.retries += 1;
        stats.throttled.waitMs += wait;
        this.options.pacer.throttled(wait);
        continue;
      }
      this.options.pacer.succeeded();
      const res = this.record(req, headers, body, raw, durationMs, startedMs);
      await this.judgeCredential(req, res);
      return res;
    }
  }

  /**
   * A 401 to one of the run's own identities that the target accepted before means the token expired or was
   * revoked: the run stops there (CredentialRejected), never blaming the target. The first answer to an identity
   * tells nothing yet: the preflight judges a token refused from the start (the user's configuration).
   */
  private async judgeCredential(req: HttpRequest, res: HttpResponse): Promise<void> {
    const who = req.as;
    if (who !== "owner" && who !== "alt") return;
    const { accepted } = this.options;
    if (res.status !== 401) {
      if (res.status < 500) accepted.add(who);
      return;
    }
    if (!accepted.has(who)) return;
    // Is the token still good? One harmless read with it: a 200 says the 401 was the target's own doing (judged
    // as such by the checks of the request's scenario); another 401 says the token expired or was revoked.
    const check = this.options.credentialCheckPath;
    const checked = check !== undefined && req.operationId !== "credential-check";
    if (checked) {
      const again = await this.send({ operationId: "credential-check", method: "GET", path: check, as: who });
      if (again.status >= 200 && again.status < 300) return;
    }
    throw new CredentialRejected(
      `the target refused the ${who} token it had accepted until then (${req.method} ${this.options.redactor.redact(req.path)} answered 401, exchange ${res.exchange.seq}${checked ? ", and so did a plain read with it" : ""}): the token expired or was revoked; what was judged before stands, the rest of the run is not judged (give a token that outlives the run, or Keystone credentials, which the suite renews)`,
      who,
    );
  }

  private record(
    req: HttpRequest,
    headers: Record<string, string>,
    body: string | undefined,
    raw: RawResponse,
    durationMs: number,
    startedMs: number,
  ): HttpResponse {
    const { authHeader, redactor, stats, sequence } = this.options;
    const text = raw.body.toString("utf8");
    const seq = ++sequence.next;
    stats.byStatus[String(raw.status)] = (stats.byStatus[String(raw.status)] ?? 0) + 1;
    if (raw.status >= 500) stats.serverErrors.push(seq);
    const requestHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers))
      requestHeaders[k] = k === authHeader ? "[redacted]" : redactor.redact(v);
    // Header names come from the target too: an echoed token can hide in one.
    const responseHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw.headers))
      responseHeaders[redactor.redact(k)] = redactor.redact(v);
    const exchange: Exchange = {
      seq,
      operationId: req.operationId,
      method: req.method,
      path: redactor.redact(req.path),
      principal: principalLabel(req.as),
      requestHeaders,
      ...(body === undefined ? {} : { requestBody: cap(redactor.redact(body)) }),
      status: raw.status,
      responseHeaders,
      responseBody: cap(redactor.redact(text)),
      startedMs,
      durationMs,
      ...(req.expect === undefined ? {} : { expected: req.expect }),
      ...(raw.truncated ? { truncated: true } : {}),
      ...(raw.trailingBytes > 0
        ? {
            trailingBytes: raw.trailingBytes,
            trailing: cap(redactor.redact(raw.trailing.toString("latin1"))),
          }
        : {}),
      ...(raw.resent ? { resent: true } : {}),
    };
    this.options.onExchange?.(exchange);
    return {
      status: raw.status,
      headers: raw.headers,
      text,
      truncated: raw.truncated,
      trailingBytes: raw.trailingBytes,
      trailing: raw.trailing.toString("latin1"),
      exchange,
    };
  }
}
