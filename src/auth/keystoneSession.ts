import { ConfigError } from "../config/ConfigError";
import { Agents } from "../http/Agents";
import { TransportError } from "../http/errors";
import { transport, type RawResponse } from "../http/transport";
import { describeTransportError } from "../http/transportErrors";
import type { KeystoneIdentity } from "./KeystoneIdentity";

interface CatalogEntry {
  readonly type?: string;
  readonly endpoints?: readonly {
    readonly interface?: string;
    readonly region?: string;
    readonly region_id?: string;
    readonly url?: string;
  }[];
}

/** A Keystone token with what came with it. */
export interface KeystoneToken {
  readonly token: string;
  /** When it was received, by this machine's clock. */
  readonly receivedAt: number;
  /** When it expires, by this machine's clock: received + the lifetime Keystone gave it (no clock skew). */
  readonly expiresAt: number;
  readonly projectId: string | undefined;
  readonly catalog: readonly CatalogEntry[];
}

function authBody(identity: KeystoneIdentity): unknown {
  const m = identity.method;
  if (m.kind === "application-credential") {
    return {
      auth: {
        identity: {
          methods: ["application_credential"],
          application_credential: { id: m.id, secret: m.secret },
        },
      },
    };
  }
  return {
    auth: {
      identity: {
        methods: ["password"],
        password: { user: { name: m.username, password: m.password, domain: { name: m.userDomainName } } },
      },
      scope: { project: { name: m.projectName, domain: { name: m.projectDomainName } } },
    },
  };
}

/** How Keystone is reached when the caller gives nothing else: no proxy exemptions beyond the environment's. */
const defaultAgents = new Agents();

/** POST /v3/auth/tokens: a scoped token, its expiry and the service catalog (TLS and proxy as for the target). */
export async function issueToken(
  identity: KeystoneIdentity,
  label: string,
  agents: Agents = defaultAgents,
  timeoutMs = 30000,
): Promise<KeystoneToken> {
  let res: RawResponse;
  const url = new URL(`${identity.authUrl}/auth/tokens`);
  try {
    res = await transport(
      {
        url,
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: Buffer.from(JSON.stringify(authBody(identity))),
        deadlineMs: timeoutMs,
        maxBodyBytes: 4 * 1024 * 1024,
      },
      agents,
    );
  } catch (error) {
    const { text, isTls } = describeTransportError(error, url.origin);
    throw new TransportError(`Keystone at ${identity.authUrl} is unreachable: ${text}`, isTls);
  }
  const token = res.headers["x-subject-token"];
  if (res.status === 401 || res.status === 403 || res.status === 404) {
    throw new ConfigError(
      "token-rejected",
      `Keystone at ${identity.authUrl} rejected the ${label} credentials (${res.status})`,
    );
  }
  if (res.status !== 201 || token === undefined)
    throw new TransportError(
      `Keystone at ${identity.authUrl} answered ${res.status} to the ${label} authentication`,
    );
  let body: {
    token?: { issued_at?: string; expires_at?: string; project?: { id?: string }; catalog?: CatalogEntry[] };
  };
  try {
    body = JSON.parse(res.body.toString("utf8")) as typeof body;
  } catch {
    throw new TransportError(
      `Keystone at ${identity.authUrl} answered 201 without a JSON body to the ${label} authentication`,
    );
  }
  const receivedAt = Date.now();
  // The lifetime by Keystone's own clock (issued to expiry); without issued_at, expiry by ours.
  const expires = Date.parse(body.token?.expires_at ?? "");
  const lifetime = expires - Date.parse(body.token?.issued_at ?? "") || expires - receivedAt;
  return {
    token,
    receivedAt,
    expiresAt: receivedAt + (Number.isFinite(lifetime) ? lifetime : 3600_000),
    projectId: body.token?.project?.id,
    catalog: body.token?.catalog ?? [],
  };
}

/** The image service's endpoint from the catalog: the identity's interface (public by default) and region. */
export function imageEndpoint(token: KeystoneToken, identity: KeystoneIdentity): string | undefined {
  const image = token.catalog.find((e) => e.type === "image");
  const match = (image?.endpoints ?? []).find(
    (e) =>
      (e.interface ?? "public") === identity.interface &&
      (identity.regionName === undefined || (e.region_id ?? e.region) === identity.regionName),
  );
  return match?.url?.replace(/\/+$/, "");
}
