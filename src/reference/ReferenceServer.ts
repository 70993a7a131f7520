import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { Profile } from "../profile/Profile";
import { defaultBehaviour } from "./defaultBehaviour";
import type { FaultPlan } from "./FaultPlan";
import type { Identity } from "./Identity";
import type { ImageRecord } from "./ImageRecord";
import type { RefContext, RefResponse, ReferenceBehaviour } from "./RefExchange";
import { Router } from "./Router";

export interface ReferenceOptions {
  readonly profile: Profile;
  readonly identities: readonly Identity[];
  /** Only an in-process caller holds this object: faults cannot be turned on over the network. */
  readonly faults?: FaultPlan;
  readonly behaviour?: ReferenceBehaviour;
  /** A delay before every answer, to make the reference behave like a remote service in tests. */
  readonly latencyMs?: number;
  /** Serve HTTPS with this certificate (tests of TLS); requestCert asks clients for a certificate the ca signed. */
  readonly tls?: {
    readonly key: Buffer;
    readonly cert: Buffer;
    readonly ca?: Buffer;
    readonly requestCert?: boolean;
  };
}

const maxBody = 1024 * 1024;

/** A handler's answer, or one of the server's own (401, 405, ...), which may carry headers. */
type Answer = RefResponse & { readonly headers?: Readonly<Record<string, string>> };

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBody) chunks.push(chunk);
    });
    req.on("end", () => {
      resolve(size > maxBody ? undefined : Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

/** The embedded reference implementation of the profile's operations: node:http, in memory. */
export class ReferenceServer {
  readonly images = new Map<string, ImageRecord>();
  private readonly server: Server;
  private readonly router: Router;
  private readonly behaviour: ReferenceBehaviour;
  private baseUrl = "";

  constructor(private readonly options: ReferenceOptions) {
    this.router = new Router(options.profile);
    this.behaviour = options.behaviour ?? defaultBehaviour;
    const listener: RequestListener = (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.write(req, res, {
          status: 500,
          error: error instanceof Error ? error.message : "internal error",
        });
      });
    };
    const tls = options.tls;
    this.server =
      tls === undefined
        ? createServer(listener)
        : createTlsServer(
            {
              key: tls.key,
              cert: tls.cert,
              ...(tls.ca === undefined ? {} : { ca: tls.ca }),
              requestCert: tls.requestCert === true,
              rejectUnauthorized: tls.requestCert === true,
            },
            listener,
          );
  }

  get url(): string {
    return this.baseUrl;
  }

  async listen(port = 0, host = "127.0.0.1"): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, resolve);
    });
    const address = this.server.address() as AddressInfo;
    const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
    this.baseUrl = `${this.options.tls === undefined ? "http" : "https"}://${shownHost}:${address.port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const answer = await this.respond(req);
    const latency = this.options.latencyMs ?? 0;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    this.write(req, res, answer);
  }

  private async respond(req: IncomingMessage): Promise<Answer> {
    const method = req.method ?? "GET";
    const rawPath = (req.url ?? "/").split("?")[0] ?? "/";
    const query = new URLSearchParams((req.url ?? "").split("?")[1] ?? "");
    const body = await readBody(req);
    const token = req.headers[this.options.profile.authHeader.toLowerCase()];
    // Like Glance, the version document at the root needs no token: 300 Multiple Choices.
    if (method === "GET" && rawPath === "/") {
      return {
        status: 300,
        json: {
          versions: [
            { id: "v2.15", status: "CURRENT", links: [{ rel: "self", href: `${this.baseUrl}/v2/` }] },
          ],
        },
      };
    }
    const presented = typeof token === "string" ? token : undefined;
    let identity = this.behaviour.authenticate(presented, this.options.identities);
    const route = this.router.match(method, rawPath);
    const ctx: RefContext = {
      profile: this.options.profile,
      images: this.images,
      now: () => new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    };
    let after: (() => void) | undefined;
    const hook = this.behaviour.subjectHook;
    if (
      hook !== undefined &&
      body !== undefined &&
      route.kind === "operation" &&
      route.operationId === this.options.profile.subject.operationId
    ) {
      const action = hook({
        token: presented,
        identity,
        identities: this.options.identities,
        params: route.params,
        body,
        ctx,
      });
      if (action?.kind === "respond")
        return action.response.status === 401
          ? this.behaviour.unauthenticated(this.baseUrl)
          : action.response;
      if (action?.kind === "as") identity = action.identity;
      if (action?.kind === "after") after = action.effect;
    }
    try {
      return await this.afterAuthentication(identity, body, route, ctx, query, req.headers);
    } finally {
      after?.();
    }
  }

  private async afterAuthentication(
    identity: Identity | undefined,
    body: Buffer | undefined,
    route: ReturnType<Router["match"]>,
    ctx: RefContext,
    query: URLSearchParams,
    headers: IncomingMessage["headers"],
  ): Promise<Answer> {
    if (identity === undefined) return this.behaviour.unauthenticated(this.baseUrl);
    if (body === undefined) return { status: 413, error: "Request body too large." };
    if (route.kind === "none") return { status: 404, error: "The resource could not be found." };
    if (route.kind === "bad-encoding")
      return { status: 400, error: "Malformed percent-encoding in the path." };
    if (route.kind === "bad-method")
      return { status: 405, error: "Method not allowed.", headers: { Allow: route.allow.join(", ") } };
    const fault = this.options.faults?.take(route.operationId, route.params);
    if (fault !== undefined)
      return { status: fault, error: `Injected fault (${fault}) from the in-process fault plan.` };
    const handler = this.behaviour.handlers[route.operationId];
    if (handler === undefined) return { status: 501, error: `${route.operationId} is not implemented.` };
    return await handler(
      { operationId: route.operationId, params: route.params, query, headers, body, identity },
      ctx,
    );
  }

  private write(
    req: IncomingMessage,
    res: ServerResponse,
    out: RefResponse & { headers?: Readonly<Record<string, string>> },
  ): void {
    const headers: Record<string, string> = { ...out.headers };
    let payload = "";
    if ("error" in out) {
      const rendered = this.behaviour.renderError(out.status, out.error, req.headers.accept);
      headers["Content-Type"] = rendered.contentType;
      payload = rendered.body;
    } else if (out.json !== undefined) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(out.json);
    }
    if (payload !== "") headers["Content-Length"] = String(Buffer.byteLength(payload));
    res.writeHead(out.status, headers);
    const trailing = "trailing" in out ? out.trailing : undefined;
    if (trailing === undefined) {
      res.end(payload === "" ? undefined : payload);
      return;
    }
    // Content after the headers of a 204, written on the raw connection later (Node itself would never send it).
    res.flushHeaders();
    setTimeout(() => {
      res.socket?.write(trailing.bytes);
      res.end();
    }, trailing.afterMs);
  }
}
