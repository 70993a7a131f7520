import { FaultPlan } from "../../src/reference/FaultPlan";
import { referenceIdentities } from "../../src/reference/Identity";
import type { ReferenceBehaviour } from "../../src/reference/RefExchange";
import { ReferenceServer, type ReferenceOptions } from "../../src/reference/ReferenceServer";
import type { Profile } from "../../src/profile/Profile";

export const tokens = { owner: "test-owner-token-5f1c", alt: "test-alt-token-9b7e" };

/** A reference server on a loopback port, with known tokens, a fault plan and (optionally) a mutant's behaviour. */
export async function startReference(
  profile: Profile,
  options: { behaviour?: ReferenceBehaviour; latencyMs?: number; tls?: ReferenceOptions["tls"] } = {},
) {
  const faults = new FaultPlan();
  const server = new ReferenceServer({
    profile,
    identities: referenceIdentities(tokens),
    faults,
    ...options,
  });
  const url = await server.listen(0, "127.0.0.1");
  return { server, url, faults };
}

/** Runs fn against a fresh reference and closes it afterwards, whatever fn does. */
export async function withReference<T>(
  profile: Profile,
  options: { behaviour?: ReferenceBehaviour; latencyMs?: number },
  fn: (ref: Awaited<ReturnType<typeof startReference>>) => Promise<T>,
): Promise<T> {
  const ref = await startReference(profile, options);
  try {
    return await fn(ref);
  } finally {
    await ref.server.close();
  }
}
