import type { Credentials } from "../http/HttpClient";
import type { FaultInjector } from "./FaultInjector";

/** What the run talks to: the embedded reference (started in-process) or a live deployment. */
export interface Target {
  readonly kind: "embedded" | "live";
  /** The Image API's base URL; the suite appends /v2/... */
  readonly baseUrl: string;
  /** How the report names the target: the URL, or "embedded reference" (no secrets either way). */
  readonly label: string;
  readonly credentials: Credentials;
  /** A token of the owner's that the identity service issued and revoked (Keystone, the embedded reference). */
  readonly revokedToken?: string;
  /** Why there is no revoked token, when the suite asked Keystone for one and did not get it. */
  readonly revokedTokenMissing?: string;
  readonly altProjectId: string | undefined;
  /** The owner's project id when known without asking the Image API (Keystone tells it). */
  readonly ownerProjectId?: string;
  /** Only the embedded reference has one. */
  readonly faults: FaultInjector | undefined;
  /** The Keystone the tokens come from, when the suite authenticated itself (no secrets). */
  readonly keystoneUrl?: string;
  /** Secrets beyond the tokens (passwords, application credential secrets): redacted everywhere. */
  readonly secrets?: readonly string[];
  /** Renews tokens that are about to expire (updating credentials); returns the new ones, to be redacted. */
  readonly refresh?: () => Promise<readonly string[]>;
}
