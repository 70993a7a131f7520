import fc from "fast-check";
import { check, coreCheck } from "../../../src/engine/checks/Check";
import { FixtureError } from "../../../src/engine/FixtureError";
import { runProperty } from "../../../src/engine/property/runProperty";
import { runSuite } from "../../../src/engine/runSuite";
import type { Scenario } from "../../../src/engine/Scenario";
import type { ScenarioContext } from "../../../src/engine/ScenarioContext";
import { verdictOf } from "../../../src/engine/verdictOf";
import { RunAborted, TargetThrottled, TransportError } from "../../../src/http/errors";
import { profile } from "../../support/profiles";
import { withReference } from "../../support/reference";
import { targetFor } from "../../support/targets";

// A failure the target showed stands when the scenario is stopped after it (Ctrl-C, the target gone, throttling,
// a failed fixture): the stop must not turn "non-conformant" into "incomplete".
const scenario = (run: Scenario["run"]): Scenario => ({
  id: "404-hand-made",
  title: "hand-made",
  status: 404,
  kind: "example",
  tier: "core",
  expected: "404",
  needs: [],
  profiles: "all",
  appliesTo: () => true,
  run,
});
const brokenBy = (
  ctx: Pick<ScenarioContext, "probe">,
  failed: ReturnType<typeof check>,
  stop: Error,
): Promise<undefined> => {
  ctx.probe.record(failed);
  return Promise.reject(stop);
};
const brokenThen =
  (stop: Error) =>
  (ctx: ScenarioContext): Promise<undefined> => {
    ctx.probe.record(coreCheck("the status is 404", false, "got 200", "seed doc"));
    return Promise.reject(stop);
  };

async function runOne(s: Scenario) {
  const p = await profile("huawei-ims");
  return withReference(p, {}, async (ref) => {
    const run = await runSuite({ profile: p, target: targetFor(ref.url), runId: "rs", scenarios: [s] });
    return { run, result: run.results[0], verdict: verdictOf(run) };
  });
}

describe("runScenario keeps a failure seen before the scenario stopped", () => {
  it.each([
    ["the target became unreachable", new TransportError("connection reset")],
    ["the run was stopped", new RunAborted("Ctrl-C")],
    ["the target kept throttling", new TargetThrottled("429 five times")],
    ["setup failed", new FixtureError("cannot create an image", undefined)],
  ])("an example whose check failed before %s fails", async (_what, stop) => {
    const { run, result, verdict } = await runOne(scenario(brokenThen(stop)));
    expect(result).toMatchObject({ outcome: "fail" });
    expect(result?.reason).toContain("the status is 404: got 200");
    expect(verdict).toBe("non-conformant");
    if (stop instanceof TransportError) expect(run.aborted?.kind).toBe("unreachable");
  });

  it("an example stopped before any check failed is not exercised, and a gone target aborts the run", async () => {
    const { run, result, verdict } = await runOne(
      scenario(() => Promise.reject(new TransportError("connection reset"))),
    );
    expect(result).toBeUndefined();
    expect(run.aborted?.kind).toBe("unreachable");
    expect(verdict).toBe("incomplete");
  });

  it.each([
    ["the target became unreachable", new TransportError("connection reset")],
    ["the run was stopped", new RunAborted("Ctrl-C")],
  ])("a property whose case failed before %s (while shrinking) fails with that case", async (what, stop) => {
    let calls = 0;
    const property = scenario((ctx) =>
      runProperty(ctx, fc.integer({ min: 0, max: 1000 }), (n, { probe }) => {
        calls++;
        // The first case fails; the next (a shrink) meets the stop.
        if (calls > 1) return Promise.reject(stop);
        probe.record(coreCheck("n is small", n < 0, `n = ${String(n)}`, "hand-made"));
        return Promise.resolve();
      }),
    );
    const { result, verdict } = await runOne({ ...property, kind: "property" });
    expect(result).toMatchObject({ outcome: "fail" });
    expect(result?.reason).toContain("n is small");
    expect(result?.reason).toContain(what);
    expect(verdict).toBe("non-conformant");
  });

  it("a core property case that failed a check and was then stopped, in that same case, fails", async () => {
    const property = scenario((ctx) =>
      runProperty(ctx, fc.integer({ min: 0, max: 1000 }), (n, { probe }) => {
        probe.record(coreCheck("n is small", n < 0, `n = ${String(n)}`, "hand-made"));
        return Promise.reject(new TargetThrottled("429 five times"));
      }),
    );
    const { result, verdict } = await runOne({ ...property, kind: "property" });
    expect(result).toMatchObject({ outcome: "fail" });
    expect(result?.reason).toContain("the target kept throttling");
    expect(verdict).toBe("non-conformant");
  });
});

describe("a flagged scenario stopped after a mere deviation is not exercised, never a FLAGGED pass", () => {
  // The deviation its flag allows decides nothing; the steps after the stop, which might break a rule of every
  // tier, did not run: the verdict must not be conformant.
  const allowed = check("the status is 204", false, "got 404, as the flag allows", "hand-made");
  // Every documented status keeps a passing core scenario, so only the flagged one can decide.
  const passing = (status: number): Scenario => ({
    ...scenario((ctx) => {
      ctx.probe.record(coreCheck("holds", true, "ok", "hand-made"));
      return Promise.resolve(undefined);
    }),
    id: `${String(status)}-ok`,
    status,
  });

  it.each([
    ["an example", "example"],
    ["a property", "property"],
  ] as const)("%s: a deviation, then throttling", async (_what, kind) => {
    let cases = 0;
    const flagged: Scenario = {
      ...scenario((ctx) =>
        kind === "example"
          ? brokenBy(ctx, allowed, new TargetThrottled("429 five times"))
          : // The first case deviates as allowed; the second is throttled.
            runProperty(
              ctx,
              fc.integer(),
              (_n, { probe }) => {
                probe.record(allowed);
                return ++cases > 1
                  ? Promise.reject(new TargetThrottled("429 five times"))
                  : Promise.resolve();
              },
              { numRuns: 2 },
            ),
      ),
      id: "204-flagged-hand-made",
      status: 204,
      kind,
      tier: "flagged",
    };
    const p = await profile("huawei-ims");
    await withReference(p, {}, async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url, { faults: ref.faults }),
        runId: "rs-f",
        scenarios: [flagged, ...[204, 400, 401, 403, 404, 500, 503].map(passing)],
      });
      const result = run.results.find((r) => r.scenario.id === flagged.id);
      expect(result).toMatchObject({ outcome: "not-exercised", cause: "throttled" });
      expect(verdictOf(run)).toBe("incomplete");
    });
  });
});
