import { contractScenarios } from "../../../../contracts/verify/contractScenarios";
import { runSuite } from "../../../../src/engine/runSuite";
import type { Target } from "../../../../src/engine/Target";
import { defaultBehaviour } from "../../../../src/reference/defaultBehaviour";
import type { ReferenceBehaviour } from "../../../../src/reference/RefExchange";
import { profile } from "../../../support/profiles";
import { withReference } from "../../../support/reference";
import { targetFor } from "../../../support/targets";

describe("contract verification against a target whose tokens are renewed", () => {
  it("the verifier asks for the current token on every request: tokens that change on every request still verify", async () => {
    const p = await profile("openstack-glance");
    // A Keystone-like target renewed before every request; the service accepts only the newest tokens.
    let generation = 0;
    const current = (who: string): string => `${who}-rotating-token-${generation}`;
    const behaviour: ReferenceBehaviour = {
      ...defaultBehaviour,
      authenticate: (token, identities) =>
        identities.find((i) => token !== undefined && token === current(i.name)),
    };
    await withReference(p, { behaviour }, async (ref) => {
      const credentials = { owner: current("owner"), alt: current("alt") as string | undefined };
      const target: Target = {
        ...targetFor(ref.url),
        credentials,
        refresh: () => {
          generation += 1;
          credentials.owner = current("owner");
          credentials.alt = current("alt");
          return Promise.resolve([credentials.owner, credentials.alt]);
        },
      };
      const run = await runSuite({ profile: p, target, runId: "c1", scenarios: contractScenarios(p) });
      expect(run.aborted).toBeUndefined();
      expect(run.results.length).toBe(5);
      expect(run.results.map((r) => `${r.scenario.id}: ${r.outcome} ${r.reason ?? ""}`)).toEqual(
        run.results.map((r) => `${r.scenario.id}: pass `),
      );
      // Dozens of renewals happened while the verifier ran, so its requests could not have used one token.
      expect(generation).toBeGreaterThan(10);
    });
  });
});
