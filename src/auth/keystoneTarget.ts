import type { RunConfig } from "../config/RunConfig";
import { ConfigError } from "../config/ConfigError";
import type { Target } from "../engine/Target";
import type { Agents } from "../http/Agents";
import type { KeystoneIdentity } from "./KeystoneIdentity";
import { secretsOf } from "./KeystoneIdentity";
import { imageEndpoint, issueToken, type KeystoneToken } from "./keystoneSession";
import { revokedToken } from "./revokedToken";

/**
 * Renew a token two minutes before it expires (a quarter of its lifetime if that is shorter), so no request
 * of a long run carries an expired one and a short-lived token is not renewed on every request.
 */
export function renewMarginMs(token: KeystoneToken): number {
  return Math.min(120_000, (token.expiresAt - token.receivedAt) / 4);
}

class RenewingToken {
  private pending: Promise<string | undefined> | undefined;

  constructor(
    private readonly identity: KeystoneIdentity,
    private readonly label: string,
    private readonly agents: Agents | undefined,
    private readonly timeoutMs: number | undefined,
    public current: KeystoneToken,
  ) {}

  static async issue(
    identity: KeystoneIdentity,
    label: string,
    agents?: Agents,
    timeoutMs?: number,
  ): Promise<RenewingToken> {
    return new RenewingToken(
      identity,
      label,
      agents,
      timeoutMs,
      await issueToken(identity, label, agents, timeoutMs),
    );
  }

  /** A fresh token when this one is about to expire; the new token, or undefined when unchanged. */
  renew(): Promise<string | undefined> {
    if (this.current.expiresAt - Date.now() > renewMarginMs(this.current)) return Promise.resolve(undefined);
    // Parallel requests (the concurrency tier) share one renewal.
    this.pending ??= issueToken(this.identity, this.label, this.agents, this.timeoutMs)
      .then((fresh) => {
        this.current = fresh;
        return fresh.token;
      })
      .finally(() => (this.pending = undefined));
    return this.pending;
  }
}

/** Authenticates the owner (and alt) against Keystone and describes the image endpoint as the run's target. */
export async function keystoneTarget(
  config: Extract<RunConfig["target"], { kind: "keystone" }>,
  agents?: Agents,
  timeoutMs?: number,
): Promise<Target> {
  // Both identities at once: each token costs Keystone a password hash (hundreds of ms). Settled together, so
  // the owner's failure is the one reported when both fail, whichever came first.
  const [ownerIssued, altIssued] = await Promise.allSettled([
    RenewingToken.issue(config.owner, "owner", agents, timeoutMs),
    config.alt === undefined ? undefined : RenewingToken.issue(config.alt, "alt", agents, timeoutMs),
  ]);
  if (ownerIssued.status === "rejected") throw ownerIssued.reason;
  if (altIssued.status === "rejected") throw altIssued.reason;
  const owner = ownerIssued.value;
  const alt = altIssued.value;
  const url = config.url ?? imageEndpoint(owner.current, config.owner);
  if (url === undefined) {
    const where = `interface ${config.owner.interface}${config.owner.regionName === undefined ? "" : `, region ${config.owner.regionName}`}`;
    throw new ConfigError(
      "bad-target",
      `the token's catalog has no image endpoint (${where}): give --target`,
    );
  }
  const revoked = await revokedToken(config.owner, owner.current.token, agents, timeoutMs);
  const credentials = { owner: owner.current.token, alt: alt?.current.token };
  return {
    kind: "live",
    baseUrl: url,
    label: url,
    credentials,
    altProjectId: config.altProjectId ?? alt?.current.projectId,
    ...(owner.current.projectId === undefined ? {} : { ownerProjectId: owner.current.projectId }),
    faults: undefined,
    keystoneUrl: config.owner.authUrl,
    ...("token" in revoked ? { revokedToken: revoked.token } : { revokedTokenMissing: revoked.unavailable }),
    secrets: [...secretsOf(config.owner), ...(config.alt === undefined ? [] : secretsOf(config.alt))],
    refresh: async () => {
      const fresh: string[] = [];
      const o = await owner.renew();
      if (o !== undefined) fresh.push((credentials.owner = o));
      const a = await alt?.renew();
      if (a !== undefined) fresh.push((credentials.alt = a));
      return fresh;
    },
  };
}
