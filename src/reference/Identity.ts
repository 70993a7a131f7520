import { randomBytes } from "node:crypto";

/** A user of the reference implementation: a token maps to one user in one project. */
export interface Identity {
  readonly name: string;
  readonly userId: string;
  readonly projectId: string;
  readonly token: string;
  /** A token the identity service issued and then revoked: it names the user, and is answered 401. */
  readonly revoked?: boolean;
}

/** The two identities the reference serves: the owner of scratch images and an alt user in another project. */
export function referenceIdentities(tokens: {
  readonly owner: string;
  readonly alt: string;
  readonly revoked?: string;
}): readonly Identity[] {
  return [
    { name: "owner", userId: "u-owner", projectId: "p-owner", token: tokens.owner },
    { name: "alt", userId: "u-alt", projectId: "p-alt", token: tokens.alt },
    ...(tokens.revoked === undefined
      ? []
      : [{ name: "owner", userId: "u-owner", projectId: "p-owner", token: tokens.revoked, revoked: true }]),
  ];
}

/** Fresh random tokens, for an embedded run: nothing outside this process knows them (one of the owner's revoked). */
export function randomTokens(): { owner: string; alt: string; revoked: string } {
  const token = (): string => randomBytes(24).toString("hex");
  return { owner: token(), alt: token(), revoked: token() };
}
