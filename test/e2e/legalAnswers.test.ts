import type { HostileMode } from "../support/hostileTarget";
import { explain, hostileRun, type HostileRun } from "../support/hostile/hostileRun";

// Issue 20, items 4 and 7: answers that HTTP allows must not fail a faithful service. Behind each proxy is the
// faithful reference; only the spelling of its error answers changes: a charset parameter (what many API gateways
// add), the media type in capitals (RFC 9110 §8.3.1: case-insensitive), a gzipped body when the request allows
// it (RFC 9110 §12.5.3). The suite's own checks and the Pact contracts (a run includes them) must all pass.

function allPassed(h: HostileRun): void {
  h.want('verdict "conformant"', h.report?.verdict === "conformant", h.report?.verdict);
  const scenarios = h.report?.statuses.flatMap((r) => r.scenarios) ?? [];
  const contracts = scenarios.filter((s) => s.kind === "contract");
  h.want("the Pact contracts ran", contracts.length >= 4, contracts.length);
  const failed = scenarios.filter((s) => s.outcome === "fail").map((s) => `${s.id}: ${s.reason ?? ""}`);
  h.want("no scenario failed", failed.length === 0, failed.slice(0, 3));
}

const modes: readonly { mode: HostileMode; what: string }[] = [
  { mode: "json-charset", what: "Content-Type: application/json; charset=UTF-8 on every error" },
  { mode: "json-uppercase", what: "Content-Type: application/JSON on every error" },
  { mode: "gzip-errors", what: "error bodies gzipped whenever the request allows it" },
];

describe("legal variations of a faithful service's answers", () => {
  for (const { mode, what } of modes) {
    it(`${mode} (${what}): conformant, contracts included`, async () => {
      const h = await hostileRun({ mode }, { exit: 0, maxMs: 90_000 });
      try {
        allPassed(h);
        expect(explain(h)).toEqual([]);
      } finally {
        await h.dispose();
      }
    }, 180_000);
  }
});
