/** A credential as the input-space model sees it: the caller's own valid token, or one of the ways to lack one. */
export const credentialIds = [
  "valid",
  "none",
  "empty",
  "random",
  "truncated",
  "extended",
  "one-changed",
  "case-changed",
  "revoked",
] as const;
export type CredentialId = (typeof credentialIds)[number];

export type Visibility = "private" | "shared" | "community" | "public";
export type Membership = "none" | "pending" | "accepted";

/** The image a request names, as it is when the request arrives. */
export interface ImageState {
  /** Whether the caller's project owns it (for a request without a valid token: the run's owner). */
  readonly mine: boolean;
  readonly visibility: Visibility;
  /** The caller's project as a member of a shared image. */
  readonly member: Membership;
  readonly tags: readonly string[];
}

/**
 * One subject request as the model sees it, from either side: the suite knows what it sent and the state it
 * set up; the reference (for injected faults) reads the same from the request and its store.
 */
export interface Observation {
  /** The tag the path names, decoded. */
  readonly tag: string;
  readonly image: ImageState | "missing" | "malformed";
  readonly credential: CredentialId;
  /** Whether the request carries a body (the operation takes none). */
  readonly body: boolean;
}
