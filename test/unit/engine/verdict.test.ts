import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  judge,
  rowOutcome,
  verdictRules,
  type VerdictInput,
  type VerdictScenario,
} from "../../../src/engine/verdict";
import { packageRoot } from "../../../src/util/packageRoot";

// Hand-made inputs: one per rule, and the cases where a rule must NOT be talked into "conformant".
const pass = (status: number, tier: VerdictScenario["tier"] = "core"): VerdictScenario => ({
  status,
  tier,
  outcome: "pass",
  breaches: 0,
});
const all = [204, 400, 401, 403, 404].map((s) => pass(s));
const input = (over: Partial<VerdictInput> = {}): VerdictInput => ({
  documentedStatuses: [204, 400, 401, 403, 404],
  scenarios: all,
  runBreaches: 0,
  aborted: undefined,
  partial: undefined,
  ...over,
});
const ruleOf = (i: VerdictInput): number => verdictRules.indexOf(judge(i).rule) + 1;

describe("verdict rules on hand-made results", () => {
  it("every core scenario passed: conformant (rule 8)", () => {
    expect(judge(input())).toMatchObject({ verdict: "conformant" });
    expect(ruleOf(input())).toBe(8);
  });

  it("1: a core failure is non-conformant, even if the run was then cut short or partial", () => {
    const failed = input({
      scenarios: [...all, { status: 404, tier: "core", outcome: "fail", breaches: 0 }],
    });
    expect([judge(failed).verdict, ruleOf(failed)]).toEqual(["non-conformant", 1]);
    expect(judge({ ...failed, aborted: "user", partial: "only x" }).verdict).toBe("non-conformant");
  });

  it("2: a breach in a flagged or extended scenario, or outside every scenario, is non-conformant", () => {
    for (const tier of ["flagged", "extended"] as const) {
      // Its own outcome can be a mere FLAGGED / FINDING: the breach decides.
      const i = input({ scenarios: [...all, { status: 204, tier, outcome: "fail", breaches: 1 }] });
      expect([judge(i).verdict, ruleOf(i)]).toEqual(["non-conformant", 2]);
      const passed = input({ scenarios: [...all, { status: 204, tier, outcome: "pass", breaches: 1 }] });
      expect(judge(passed).verdict).toBe("non-conformant");
    }
    expect(judge(input({ runBreaches: 1 })).verdict).toBe("non-conformant");
    // Without a breach, a flagged rule or a finding decides nothing.
    for (const tier of ["flagged", "extended"] as const)
      expect(
        judge(input({ scenarios: [...all, { status: 204, tier, outcome: "fail", breaches: 0 }] })).verdict,
      ).toBe("conformant");
  });

  it("3: a run cut short is incomplete, never conformant and never blamed on the target", () => {
    for (const aborted of ["user", "unreachable", "token-rejected", "not-image-api", "tls"] as const) {
      const i = input({ aborted });
      expect([judge(i).verdict, ruleOf(i)]).toEqual(["incomplete", 3]);
    }
  });

  it("4: a partial run is incomplete", () => {
    const i = input({ partial: "only 204-delete-present-tag (--only)" });
    expect([judge(i).verdict, ruleOf(i)]).toEqual(["incomplete", 4]);
  });

  it("5: a core scenario not exercised makes it incomplete, except a 5xx a live target cannot be made to answer", () => {
    for (const cause of ["needs-input", "setup-failed", "interrupted", "suite-error", "throttled"] as const) {
      const i = input({
        scenarios: [...all, { status: 403, tier: "core", outcome: "not-exercised", cause, breaches: 0 }],
      });
      expect([judge(i).verdict, ruleOf(i)]).toEqual(["incomplete", 5]);
    }
    const fault = input({
      documentedStatuses: [204, 400, 401, 403, 404, 500],
      scenarios: [
        ...all,
        { status: 500, tier: "core", outcome: "not-exercised", cause: "untriggerable", breaches: 0 },
      ],
    });
    expect(judge(fault).verdict).toBe("conformant");
  });

  it("6: a flagged or extended scenario not exercised for a reason the target can cause is incomplete", () => {
    // Its rules that bind every tier went unchecked: a target must not escape them by failing a setup step.
    for (const tier of ["flagged", "extended"] as const)
      for (const cause of ["setup-failed", "interrupted", "suite-error", "throttled"] as const) {
        const i = input({
          scenarios: [...all, { status: 204, tier, outcome: "not-exercised", cause, breaches: 0 }],
        });
        expect([tier, cause, judge(i).verdict, ruleOf(i)]).toEqual([tier, cause, "incomplete", 6]);
      }
    // Missing input, or a fault no live target can be made to answer, is no doing of the target's.
    for (const cause of ["needs-input", "untriggerable"] as const)
      expect(
        judge(
          input({
            scenarios: [
              ...all,
              { status: 204, tier: "flagged", outcome: "not-exercised", cause, breaches: 0 },
            ],
          }),
        ).verdict,
      ).toBe("conformant");
  });

  it("7: a documented status without any core scenario is incomplete", () => {
    const i = input({ scenarios: all.filter((s) => s.status !== 403) });
    expect([judge(i).verdict, ruleOf(i)]).toEqual(["incomplete", 7]);
    // Flagged or extended scenarios do not stand in for a core one.
    expect(judge({ ...i, scenarios: [...i.scenarios, pass(403, "extended")] }).verdict).toBe("incomplete");
  });

  it("a status row: fail on a core failure or any breach, pass when every core scenario passed, else not exercised", () => {
    expect(rowOutcome([pass(204)])).toBe("pass");
    expect(rowOutcome([pass(204), { status: 204, tier: "flagged", outcome: "fail", breaches: 0 }])).toBe(
      "pass",
    );
    expect(rowOutcome([pass(204), { status: 204, tier: "flagged", outcome: "fail", breaches: 2 }])).toBe(
      "fail",
    );
    expect(rowOutcome([pass(204), { status: 204, tier: "core", outcome: "fail", breaches: 0 }])).toBe("fail");
    expect(rowOutcome([pass(204, "extended")])).toBe("not-exercised");
    expect(rowOutcome([])).toBe("not-exercised");
    // A row whose core scenarios did not all run is not PASS (issue 20 item 11: an interrupted run's 204 PASS 2/5).
    const interrupted = {
      status: 204,
      tier: "core",
      outcome: "not-exercised",
      cause: "interrupted",
      breaches: 0,
    } as const;
    expect(rowOutcome([pass(204), pass(204), interrupted])).toBe("not-exercised");
    expect(rowOutcome([pass(204), { ...interrupted, cause: "untriggerable" }])).toBe("not-exercised");
  });
});

describe("the README's table", () => {
  it("states exactly these rules, in this order", () => {
    const readme = readFileSync(join(packageRoot, "README.md"), "utf8").replace(/ +/g, " ");
    const rows = [
      ...readme.matchAll(/^\| (\d+) \| (non-conformant|incomplete|conformant) \| (.+?) \|$/gm),
    ].map((m) => [Number(m[1]), m[2], m[3]]);
    expect(rows).toEqual(verdictRules.map((r, i) => [i + 1, r.verdict, r.when]));
  });
});
