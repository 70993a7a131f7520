import type { Target } from "../engine/Target";
import type { Profile } from "../profile/Profile";
import { FaultPlan } from "./FaultPlan";
import { randomTokens, referenceIdentities } from "./Identity";
import type { ReferenceBehaviour } from "./RefExchange";
import { ReferenceServer } from "./ReferenceServer";

export interface EmbeddedTarget {
  readonly target: Target;
  readonly close: () => Promise<void>;
}

/**
 * Starts the reference implementation in this process on a loopback port with fresh random tokens and a
 * fault plan only this process holds, and describes it as the run's target.
 */
export async function startEmbeddedTarget(
  profile: Profile,
  behaviour?: ReferenceBehaviour,
): Promise<EmbeddedTarget> {
  const tokens = randomTokens();
  const faults = new FaultPlan();
  const server = new ReferenceServer({
    profile,
    identities: referenceIdentities(tokens),
    faults,
    ...(behaviour === undefined ? {} : { behaviour }),
  });
  const baseUrl = await server.listen(0, "127.0.0.1");
  return {
    target: {
      kind: "embedded",
      baseUrl,
      label: `embedded reference (${baseUrl})`,
      credentials: { owner: tokens.owner, alt: tokens.alt },
      revokedToken: tokens.revoked,
      altProjectId: undefined,
      faults,
    },
    close: () => server.close(),
  };
}
