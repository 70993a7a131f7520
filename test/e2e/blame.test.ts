import type { HostileMode } from "../support/hostileTarget";
import { explain, hostileRun, type HostileRun } from "../support/hostile/hostileRun";

// Issue 20, items 5 and 6: the target is blamed only for what it did. Content right after a 204 is the target
// breaking the 204 rule (not a target that cannot be reached); a token that stops working mid-run is a credential
// problem (the run ends incomplete, what it judged before stands), never "expected 204, got 401".

function failedChecks(h: HostileRun): { scenario: string; rule: string; detail: string }[] {
  return (h.report?.statuses ?? [])
    .flatMap((r) => r.scenarios)
    .flatMap((s) => s.evidence.checks.filter((c) => !c.ok).map((c) => ({ scenario: s.id, ...c })));
}

describe("content right after a 204", () => {
  const modes: readonly { mode: HostileMode; how: string }[] = [
    { mode: "eager-204-body", how: "Connection: close, content in the same write" },
    { mode: "chunked-204", how: "a chunked 204 with one chunk" },
  ];
  for (const { mode, how } of modes) {
    it(`${mode} (${how}): exit 1, the 204 rule failed, the bytes in the evidence`, async () => {
      const h = await hostileRun({ mode }, { exit: 1, maxMs: 90_000 });
      try {
        h.want('verdict "non-conformant"', h.report?.verdict === "non-conformant", h.report?.verdict);
        h.want("no abort", h.report?.aborted === undefined, h.report?.aborted);
        const scenario = h.report?.statuses
          .flatMap((r) => r.scenarios)
          .find((s) => s.id === "204-delete-present-tag");
        h.want("204-delete-present-tag failed", scenario?.outcome === "fail", scenario?.outcome);
        const noBody = scenario?.evidence.checks.find((c) => c.rule === "no body");
        h.want(
          'its "no body" check failed, citing RFC 9110 §15.3.5',
          noBody?.ok === false && noBody.source === "RFC 9110 §15.3.5",
          noBody,
        );
        const evidence = scenario?.evidence.exchanges.find(
          (e) => e.status === 204 && e.trailing !== undefined,
        );
        h.want(
          "the bytes after the 204 are in the evidence",
          evidence?.trailing?.includes('{"late":true}') === true,
          evidence,
        );
        expect(explain(h)).toEqual([]);
      } finally {
        await h.dispose();
      }
    }, 180_000);
  }
});

describe("a token that expires mid-run", () => {
  it("expire-token: exit 3, the run incomplete with the reason, what was judged kept, no 401 blamed on the target", async () => {
    const h = await hostileRun({ mode: "expire-token", expireAfter: 150 }, { exit: 3, maxMs: 90_000 });
    try {
      const refused = h.target.log.filter((r) => r.fate.startsWith("owner token refused"));
      h.want("the proxy refused the owner token after request 150", refused.length > 0, refused.length);
      h.want(
        'report.aborted.kind "token-expired"',
        h.report?.aborted?.kind === "token-expired",
        h.report?.aborted,
      );
      h.want(
        "the reason says the token expired or was revoked",
        /expired or was revoked/.test(h.report?.aborted?.message ?? ""),
        h.report?.aborted?.message,
      );
      h.want('verdict "incomplete"', h.report?.verdict === "incomplete", h.report?.verdict);
      const blamed = failedChecks(h).filter((c) => /\b401\b/.test(c.detail));
      h.want("no failed check blames a 401 on the target", blamed.length === 0, blamed.slice(0, 3));
      const passed = (h.report?.statuses ?? [])
        .flatMap((r) => r.scenarios)
        .filter((s) => s.outcome === "pass");
      h.want("what was judged before the token expired is kept", passed.length > 0, passed.length);
      h.want("stdout says the token expired", /expired or was revoked/.test(h.run.stdout));
      expect(explain(h)).toEqual([]);
    } finally {
      await h.dispose();
    }
  }, 180_000);
});
