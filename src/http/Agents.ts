import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { Agent } from "node:http";
import { HttpProxyAgent } from "http-proxy-agent";
import { HttpsProxyAgent } from "https-proxy-agent";
import { getProxyForUrl } from "proxy-from-env";
import { isLoopback } from "../config/isLoopback";

/** How the suite talks TLS, as OpenStack clients take it: a CA bundle, a client certificate, or no verification. */
export interface TlsSettings {
  /** PEM CA bundle (--os-cacert, OS_CACERT, clouds.yaml cacert): replaces the default trust store. */
  readonly ca?: Buffer;
  /** PEM client certificate and key (--os-cert / --os-key, clouds.yaml cert / key). */
  readonly cert?: Buffer;
  readonly key?: Buffer;
  /** --insecure, clouds.yaml verify: false: the server's certificate is not verified. */
  readonly insecure: boolean;
}

export const defaultTls: TlsSettings = { insecure: false };

/** TLS settings and the files they were read from (the Pact verifier child reads the same files). */
export interface TlsFiles extends TlsSettings {
  readonly cacertPath?: string;
  readonly certPath?: string;
  readonly keyPath?: string;
}

/**
 * The connection pools of a run: keep-alive ones for idempotent requests, none for POSTs and watched ones (a
 * connection each), through the proxy that HTTPS_PROXY / HTTP_PROXY name unless NO_PROXY exempts the host.
 */
export class Agents {
  private readonly agents = new Map<string, Agent>();

  constructor(private readonly tls: TlsSettings = defaultTls) {}

  tlsOptions(): { ca?: Buffer; cert?: Buffer; key?: Buffer; rejectUnauthorized: boolean } {
    const { ca, cert, key } = this.tls;
    return {
      ...(ca === undefined ? {} : { ca }),
      ...(cert === undefined ? {} : { cert }),
      ...(key === undefined ? {} : { key }),
      rejectUnauthorized: !this.tls.insecure,
    };
  }

  /**
   * The proxy for a URL, if the environment names one for it (proxy-from-env: the curl/wget conventions of
   * HTTPS_PROXY, HTTP_PROXY and NO_PROXY). This machine's loopback is never proxied (as Go's net/http does):
   * a proxy elsewhere could not reach it, and the embedded reference lives there.
   */
  static proxyFor(url: URL): string | undefined {
    if (isLoopback(url.href)) return undefined;
    const proxy = getProxyForUrl(url.href);
    return proxy === "" ? undefined : proxy;
  }

  private agent(url: URL, keepAlive: boolean): Agent {
    const proxy = Agents.proxyFor(url);
    const key = `${url.protocol}|${proxy ?? ""}|${String(keepAlive)}`;
    let agent = this.agents.get(key);
    if (agent === undefined) {
      const base = { keepAlive, ...this.tlsOptions() };
      if (proxy !== undefined)
        agent =
          url.protocol === "https:" ? new HttpsProxyAgent(proxy, base) : new HttpProxyAgent(proxy, base);
      else agent = url.protocol === "https:" ? new HttpsAgent(base) : new HttpAgent(base);
      this.agents.set(key, agent);
    }
    return agent;
  }

  pooled(url: URL): Agent {
    return this.agent(url, true);
  }

  /** A connection per request, not kept (TLS sessions are still resumed): for requests never sent twice. */
  single(url: URL): Agent {
    return this.agent(url, false);
  }

  /** No pool: a connection of its own (through the proxy when there is one). */
  fresh(url: URL): Agent | false {
    return Agents.proxyFor(url) === undefined ? false : this.agent(url, false);
  }

  destroy(): void {
    for (const a of this.agents.values()) a.destroy();
    this.agents.clear();
  }
}
