import { startFailingProxy } from "./support/failingProxy";
import { readTargetEnv } from "./support/openstackTarget";
import { expectOwnerImagesKept, runAgainstGlance } from "./support/runAgainstGlance";

// Keystone and Glance come up once for all of test:glance (support/globalSetup.ts).
afterEach(expectOwnerImagesKept);

describe("Glance behind a proxy that answers 500 to DELETEs of non-ASCII tags", () => {
  it("openstack-glance: non-conformant, the 5xx charged to 204-flagged-non-ascii-in-path as a breach; core passes", async () => {
    // Issue 10: a flag excuses only the deviation it names (404 for a non-ASCII path tag), never a 5xx.
    const proxy = await startFailingProxy(readTargetEnv().target);
    try {
      const { code, report, core } = await runAgainstGlance("openstack-glance", { target: proxy.url });
      expect(proxy.failed()).toBeGreaterThan(0);
      expect(report.verdict).toBe("non-conformant");
      expect(code).toBe(1);
      const flagged = report.statuses
        .flatMap((s) => s.scenarios)
        .find((s) => s.id === "204-flagged-non-ascii-in-path");
      expect(flagged?.tier).toBe("flagged");
      const breaches = flagged?.breaches ?? [];
      expect(breaches.length).toBeGreaterThan(0);
      expect(breaches.some((b) => /5xx|500/.test(`${b.rule} ${b.detail}`))).toBe(true);
      // Only that scenario's DELETEs were failed: the core scenarios see Glance as it is and still pass.
      expect(core.filter((s) => s.outcome !== "pass").map((s) => `${s.id}: ${s.reason ?? ""}`)).toEqual([]);
      expect(report.cleanup.leftBehind).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});
