import { join } from "node:path";
import { packageRoot } from "../src/util/packageRoot";

/** Consumer and provider names make the profile plain; one pact file per profile. */
export function pactNames(profileId: string): { consumer: string; provider: string; file: string } {
  const consumer = `image-tag-client-${profileId}`;
  const provider = `image-service-${profileId}`;
  return {
    consumer,
    provider,
    file: join(packageRoot, "contracts", "pacts", `${consumer}-${provider}.json`),
  };
}

/** Placeholder tokens written into pact files; verification swaps them for the run's real tokens. */
export const tokenPlaceholders = { owner: "ITC-OWNER-TOKEN", alt: "ITC-ALT-TOKEN" } as const;
