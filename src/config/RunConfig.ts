import type { KeystoneIdentity } from "../auth/KeystoneIdentity";
import type { RunSettings } from "../engine/RunSettings";
import type { TlsFiles } from "../http/Agents";

/** A run's configuration, resolved once at the entry point from options and environment. */
export interface RunConfig {
  /** A built-in profile name or a path to an OpenAPI 3.1 file. */
  readonly profile: string;
  readonly target:
    | { readonly kind: "embedded" }
    | {
        readonly kind: "live";
        readonly url: string;
        readonly token: string;
        readonly altToken: string | undefined;
        readonly altProjectId: string | undefined;
      }
    | {
        /** Tokens from Keystone (and renewed); the image endpoint from --target or the token's catalog. */
        readonly kind: "keystone";
        readonly url: string | undefined;
        readonly owner: KeystoneIdentity;
        readonly alt: KeystoneIdentity | undefined;
        readonly altProjectId: string | undefined;
        /** The clouds named with --os-cloud / --alt-os-cloud, for the reproduce command. */
        readonly clouds: { readonly owner: string | undefined; readonly alt: string | undefined };
      };
  readonly outDir: string;
  /** What every scratch image name starts with (--name-prefix): the rest is drawn from the seed and run id. */
  readonly namePrefix: string;
  readonly timeoutMs: number;
  readonly settings: RunSettings;
  /**
   * Requests per second at most; 0 for no limit. undefined: the default, decided once the target's URL is
   * known: no limit on this machine (loopback), defaultRemoteRate on a remote target.
   */
  readonly rate: number | undefined;
  /** The User-Agent of the suite's requests (--user-agent); undefined: src/http/userAgent.ts's default. */
  readonly userAgent?: string;
  /** TLS towards the target and Keystone; the files also go to the Pact verifier child. */
  readonly tls: TlsFiles;
  /** Certification metadata for the report. */
  readonly product:
    { readonly name?: string; readonly version?: string; readonly vendor?: string } | undefined;
  readonly progress: "live" | "plain" | "none";
  /** Notes for the user about how the configuration was read (never a secret). */
  readonly notes: readonly string[];
}
