import { randomBytes } from "node:crypto";

/** A user of the reference implementation: a token maps to one user in one project. */
export interface Identity {
  readonly name: string;
  readonly userId: string;
  readonly projectId: string;
  readonly token: string;
}

/** The two identities the reference serves: the owner of scratch images and an alt user in another project. */
export function referenceIdentities(tokens: {
  readonly owner: string;
  readonly alt: string;
}): readonly Identity[] {
  return [
    { name: "owner", userId: "u-owner", projectId: "p-owner", token: tokens.owner },
    { name: "alt", userId: "u-alt", projectId: "p-alt", token: tokens.alt },
  ];
}

/** Fresh random tokens, for an embedded run: nothing outside this process knows them. */
export function randomTokens(): { owner: string; alt: string } {
  return { owner: randomBytes(24).toString("hex"), alt: randomBytes(24).toString("hex") };
}
