/** How to authenticate one user against Keystone v3, as python-openstackclient takes it. */
export type KeystoneMethod =
  | {
      readonly kind: "password";
      readonly username: string;
      readonly password: string;
      readonly userDomainName: string;
      readonly projectName: string;
      readonly projectDomainName: string;
    }
  | { readonly kind: "application-credential"; readonly id: string; readonly secret: string };

export interface KeystoneIdentity {
  /** Keystone's URL, ending in /v3. */
  readonly authUrl: string;
  readonly method: KeystoneMethod;
  readonly regionName: string | undefined;
  /** The catalog interface the image endpoint is taken from. */
  readonly interface: string;
}

/** The secrets of an identity, for the redactor: never written anywhere. */
export function secretsOf(identity: KeystoneIdentity): string[] {
  return identity.method.kind === "password" ? [identity.method.password] : [identity.method.secret];
}
