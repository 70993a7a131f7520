import { exampleTags } from "../../../generators/exampleTags";
import { runSuite } from "../../../src/engine/runSuite";
import { defaultRunSettings, type RunSettings } from "../../../src/engine/RunSettings";
import type { RunResult } from "../../../src/engine/RunResult";
import { verdictOf } from "../../../src/engine/verdictOf";
import { mutants } from "../../../src/mutants/catalog";
import { wrapHandler } from "../../../src/mutants/Mutant";
import { withoutFlags } from "../../../src/profile/tagFlags";
import { defaultBehaviour } from "../../../src/reference/defaultBehaviour";
import type { ReferenceBehaviour } from "../../../src/reference/RefExchange";
import { flaggedScenarios } from "../../../suites/flagged/flaggedTagScenario";
import { profile } from "../../support/profiles";
import { withReference, type startReference } from "../../support/reference";
import { targetFor } from "../../support/targets";

/** What Glance 25.1.0 does (measured): the path's UTF-8 bytes read as Latin-1, in PUT and DELETE alike. */
function latin1Path(b: ReferenceBehaviour): ReferenceBehaviour {
  const asLatin1 = (tag: string): string => Buffer.from(tag, "utf8").toString("latin1");
  return ["addImageTag", "deleteImageTag"].reduce(
    (acc, op) =>
      wrapHandler(
        acc,
        op,
        (inner) => (req, ctx) =>
          inner({ ...req, params: { ...req.params, tag: asLatin1(req.params["tag"] ?? "") } }, ctx),
      ),
    b,
  );
}

type Reference = Awaited<ReturnType<typeof startReference>>;

/** A 4-byte (astral-plane) character, which Glance's astral-plane flag covers. */
const astral = /[\u{10000}-\u{10ffff}]/u;

/** What Glance does on create (measured): a 4-byte character among the body's tags answers 400. */
function refusingAstralCreates(b: ReferenceBehaviour): ReferenceBehaviour {
  return wrapHandler(b, "createImage", (inner) => (req, ctx) => {
    const tags = (JSON.parse(req.body.toString("utf8")) as { tags?: unknown }).tags;
    return Array.isArray(tags) && tags.some((t) => typeof t === "string" && astral.test(t))
      ? { status: 400, error: "Invalid tag" }
      : inner(req, ctx);
  });
}

/** Runs openstack-glance's astral-plane scenario alone against a reference with this behaviour. */
async function runAstralAlone(
  behaviour: ReferenceBehaviour,
  runId: string,
  settings: Partial<RunSettings>,
  expectations: (run: RunResult, ref: Reference) => void,
): Promise<void> {
  const p = await profile("openstack-glance");
  const scenario = flaggedScenarios(p).find((s) => s.id === "204-flagged-astral-plane");
  if (scenario === undefined) throw new Error("openstack-glance has no astral-plane flag");
  await withReference(p, { behaviour }, async (ref) => {
    const run = await runSuite({
      profile: p,
      target: targetFor(ref.url),
      runId,
      scenarios: [scenario],
      settings: { ...defaultRunSettings, ...settings },
    });
    expectations(run, ref);
  });
}

const outcome = (run: RunResult, id: string): string | undefined =>
  run.results.find((r) => r.scenario.id === id)?.outcome;

describe("flagged scenarios (x-itc-flagged)", () => {
  it("openstack-glance on a faithful reference: both flagged rules hold, the verdict is conformant", async () => {
    const p = await profile("openstack-glance");
    await withReference(p, {}, async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url, { faults: ref.faults }),
        runId: "f1",
      });
      const flagged = run.results.filter((r) => r.scenario.tier === "flagged");
      expect(flagged.map((r) => [r.scenario.id, r.outcome])).toEqual([
        ["204-flagged-astral-plane", "pass"],
        ["204-flagged-non-ascii-in-path", "pass"],
      ]);
      expect(verdictOf(run)).toBe("conformant");
    });
  });

  it("an image created per case is deleted after it: a run never holds more than a few (image quotas)", async () => {
    const p = await profile("openstack-glance");
    let most = 0;
    const behaviour = wrapHandler(defaultBehaviour, "createImage", (inner) => async (req, ctx) => {
      const res = await inner(req, ctx);
      most = Math.max(most, ctx.images.size);
      return res;
    });
    await withReference(p, { behaviour }, async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url),
        runId: "f5",
        scenarios: flaggedScenarios(p),
      });
      expect(run.results.map((r) => r.outcome)).toEqual(["pass", "pass"]);
      // An image per case of each of the two flagged scenarios (half the depth of a core property).
      expect(run.cleanup.created).toBeGreaterThanOrEqual(2 * Math.ceil(defaultRunSettings.runs / 2));
      expect(run.cleanup.deleted).toBe(run.cleanup.created);
      expect(most).toBeLessThanOrEqual(3);
      expect(ref.server.images.size).toBe(0);
    });
  });

  it("a create the flag allows to be refused: those cases share one image without the tag", async () => {
    await runAstralAlone(refusingAstralCreates(defaultBehaviour), "f7", {}, (run, ref) => {
      const [result] = run.results;
      expect(result?.outcome).toBe("fail");
      expect(result?.breaches).toEqual([]);
      expect(result?.property?.runs).toBeGreaterThan(1);
      // Every case's create was refused: one image served them all (the others are the preflight's and the run's
      // sentinel), deleted.
      expect(run.cleanup.created).toBe(3);
      expect(ref.server.images.size).toBe(0);
    });
  });

  it("a case that leaves a tag the flag allows on the shared image hands the next case a new one", async () => {
    // Each step only as the flags allow: a 4-byte character refused on create (astral-plane); PUT stores the
    // Latin-1 reading of the path (another tag), DELETE of a non-ASCII tag answers 404 (non-ascii-in-path).
    const behaviour = wrapHandler(
      latin1Path(refusingAstralCreates(defaultBehaviour)),
      "deleteImageTag",
      (inner) => (req, ctx) =>
        /[\u0080-\u{10ffff}]/u.test(req.params["tag"] ?? "")
          ? { status: 404, error: "no such tag" }
          : inner(req, ctx),
    );
    // At 50 cases a tag comes back while the Latin-1 leftover of its first case is still there: on that image
    // its PUT would add nothing, which no flag excuses (2 of these 4 seeds broke so on one shared image).
    for (const seed of [1, 2, 3, 4])
      await runAstralAlone(behaviour, `f8-${seed}`, { seed, runs: 100 }, (run, ref) => {
        const [result] = run.results;
        expect({ seed, outcome: result?.outcome, breaches: result?.breaches.map((c) => c.detail) }).toEqual({
          seed,
          outcome: "fail",
          breaches: [],
        });
        expect(ref.server.images.size).toBe(0);
      });
  });

  it("a refusal the flag excuses that still stores the tag breaks a rule of every tier", async () => {
    // PUT of a 4-byte tag answers 400 (astral-plane excuses that status), but the tag is stored all the same.
    const behaviour = wrapHandler(defaultBehaviour, "addImageTag", (inner) => async (req, ctx) => {
      const res = await inner(req, ctx);
      return astral.test(req.params["tag"] ?? "") && res.status === 204
        ? { status: 400, error: "Invalid tag" }
        : res;
    });
    await runAstralAlone(behaviour, "f9", {}, (run, ref) => {
      const [result] = run.results;
      expect(result?.breaches.map((c) => c.rule)).toContain("tags unchanged");
      expect(verdictOf(run)).toBe("non-conformant");
      expect(ref.server.images.size).toBe(0);
    });
  });

  it("a case cut short on the shared image hands the next case a new one", async () => {
    const destroyed = new Map<string, number>(); // image id -> reads of it after it was destroyed
    // Creates with a 4-byte tag refused (as the flag allows); a PUT of one answers 204 but deletes the whole
    // image, so the case's read-back fails and the case stops there.
    let behaviour = wrapHandler(
      refusingAstralCreates(defaultBehaviour),
      "addImageTag",
      (inner) => async (req, ctx) => {
        const res = await inner(req, ctx);
        const id = req.params["image_id"] ?? "";
        if (res.status === 204 && astral.test(req.params["tag"] ?? "")) {
          ctx.images.delete(id);
          destroyed.set(id, 0);
        }
        return res;
      },
    );
    behaviour = wrapHandler(behaviour, "showImage", (inner) => (req, ctx) => {
      const id = req.params["image_id"] ?? "";
      const reads = destroyed.get(id);
      if (reads !== undefined) destroyed.set(id, reads + 1);
      return inner(req, ctx);
    });
    // A seed whose first failing case shrinks: the cases after it are the ones to watch.
    await runAstralAlone(behaviour, "f10", { seed: 1 }, (run) => {
      const [result] = run.results;
      expect(result?.outcome).toBe("fail");
      expect(result?.property?.shrinks).toBeGreaterThan(0);
      // Each destroyed image is read once, by the case that destroyed it: no later case ran on it.
      expect(destroyed.size).toBeGreaterThan(1);
      expect([...destroyed.values()].every((reads) => reads === 1)).toBe(true);
    });
  });

  it("a Latin-1 path (Glance's defect): the flagged rule fails with a non-ASCII counterexample, core stays conformant", async () => {
    const p = await profile("openstack-glance");
    await withReference(p, { behaviour: latin1Path(defaultBehaviour) }, async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url, { faults: ref.faults }),
        runId: "f2",
      });
      const flag = run.results.find((r) => r.scenario.id === "204-flagged-non-ascii-in-path");
      expect(flag?.outcome).toBe("fail");
      expect(flag?.property?.counterexample).toMatch(/[\u0080-\u{10ffff}]/u);
      expect(flag?.property?.replay).toContain("--only 204-flagged-non-ascii-in-path");
      expect(outcome(run, "204-flagged-astral-plane")).toBe("fail");
      expect(run.results.filter((r) => r.scenario.tier === "core").every((r) => r.outcome === "pass")).toBe(
        true,
      );
      expect(verdictOf(run)).toBe("conformant");
    });
  });

  it("--strict (no flags): the same defect fails core properties and the verdict", async () => {
    const p = withoutFlags(await profile("openstack-glance"));
    await withReference(p, { behaviour: latin1Path(defaultBehaviour) }, async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url, { faults: ref.faults }),
        runId: "f3",
      });
      expect(run.results.some((r) => r.scenario.tier === "flagged")).toBe(false);
      expect(outcome(run, "204-prop-delete-present")).toBe("fail");
      expect(verdictOf(run)).toBe("non-conformant");
    });
  });

  it("a flag excuses only the deviation it names: a 500, another tag changed, or the tag dropped on create fails the verdict", async () => {
    const p = await profile("openstack-glance");
    // A tag a flag covers: non-ASCII and within the schema (an overlong one is outside it: the core 400
    // property's, whatever its characters).
    const nonAscii = (req: { params: Readonly<Record<string, string>> }): boolean => {
      const tag = req.params["tag"] ?? "";
      return /[\u0080-\u{10ffff}]/u.test(tag) && Array.from(tag).length <= 255;
    };
    const examples = exampleTags(p, defaultRunSettings.seed);
    const keep = "others" in examples ? (examples.others[0] ?? "") : "";
    const variants: Record<string, ReferenceBehaviour> = {
      "a 500": wrapHandler(
        defaultBehaviour,
        "deleteImageTag",
        (inner) => (req, ctx) =>
          nonAscii(req) ? { status: 500, error: "UnicodeEncodeError" } : inner(req, ctx),
      ),
      "every tag deleted": wrapHandler(defaultBehaviour, "deleteImageTag", (inner) => async (req, ctx) => {
        const res = await inner(req, ctx);
        const image = ctx.images.get(req.params["image_id"] ?? "");
        if (nonAscii(req) && res.status === 204 && image !== undefined) image.tags = [];
        return res;
      }),
      // Answers 201 with the tag, stores the image without it: the delete's 404 must not pass as the flag's.
      "the tag dropped on create": wrapHandler(
        defaultBehaviour,
        "createImage",
        (inner) => async (req, ctx) => {
          const res = await inner(req, ctx);
          // The flagged scenario's images (they carry the run's example tags); core cases that put a near miss
          // of a tag (café) on an image keep theirs.
          for (const image of ctx.images.values())
            if (image.tags.includes(keep))
              image.tags = image.tags.filter((t) => !nonAscii({ params: { tag: t } }));
          return res;
        },
      ),
    };
    // The rule each breaks, named as precisely as the suite can.
    const named: Record<string, string> = {
      "a 500": "no 5xx (property 8)",
      "every tag deleted": "other tags unchanged",
      "the tag dropped on create": "an image created with the tag in its body carries it",
    };
    for (const [what, behaviour] of Object.entries(variants)) {
      await withReference(p, { behaviour }, async (ref) => {
        const run = await runSuite({
          profile: p,
          target: targetFor(ref.url, { faults: ref.faults }),
          runId: "f6",
        });
        const flag = run.results.find((r) => r.scenario.id === "204-flagged-non-ascii-in-path");
        // Core scenarios never see such a tag; the flagged scenario does, and its breach decides.
        expect({
          what,
          core: run.results.filter((r) => r.scenario.tier === "core").every((r) => r.outcome === "pass"),
        }).toEqual({ what, core: true });
        expect({ what, breaches: flag?.breaches.map((c) => c.rule) }).toEqual({
          what,
          breaches: expect.arrayContaining([named[what]]) as unknown,
        });
        expect({ what, verdict: verdictOf(run) }).toEqual({ what, verdict: "non-conformant" });
      });
    }
  });

  it("an extended-tier finding alone leaves the verdict conformant (lost-update mutant)", async () => {
    const p = await profile("huawei-ims");
    const lostUpdate = mutants.find((m) => m.name === "lost-update");
    if (lostUpdate === undefined) throw new Error("the catalog has no lost-update mutant");
    await withReference(p, { behaviour: lostUpdate.apply(defaultBehaviour) }, async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url, { faults: ref.faults }),
        runId: "f4",
      });
      expect(outcome(run, "204-concurrent-distinct-tags")).toBe("fail");
      expect(run.results.filter((r) => r.scenario.tier === "core").every((r) => r.outcome === "pass")).toBe(
        true,
      );
      expect(verdictOf(run)).toBe("conformant");
    });
  });
});
