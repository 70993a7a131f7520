import { ExitCode, exitCodeOf } from "../../../src/cli/exitCodes";
import { runSuite } from "../../../src/engine/runSuite";
import { verdictOf } from "../../../src/engine/verdictOf";
import { wrapHandler } from "../../../src/mutants/Mutant";
import { defaultBehaviour } from "../../../src/reference/defaultBehaviour";
import { fail } from "../../../src/reference/RefExchange";
import { allScenarios } from "../../../suites";
import { flaggedScenarios } from "../../../suites/flagged/flaggedTagScenario";
import { profile } from "../../support/profiles";
import { withReference } from "../../support/reference";
import { targetFor } from "../../support/targets";

const examples = allScenarios.filter((s) => s.id === "204-delete-present-tag" || s.id === "404-absent-tag");

describe("cleanup never reports what it did not do", () => {
  it("a target that refuses every delete: every image is listed as left behind, with why; none counted deleted", async () => {
    const p = await profile("huawei-ims");
    const behaviour = wrapHandler(
      defaultBehaviour,
      "deleteImage",
      () => () => fail(403, "deletes are disabled"),
    );
    await withReference(p, { behaviour }, async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url),
        runId: "c1",
        scenarios: examples,
      });
      expect(ref.server.images.size).toBeGreaterThan(0);
      expect(run.cleanup.deleted).toBe(0);
      expect(run.cleanup.leftBehind.map((l) => l.imageId).sort()).toEqual(
        [...ref.server.images.keys()].sort(),
      );
      expect(run.cleanup.leftBehind.every((l) => /answered 403/.test(l.why))).toBe(true);
    });
  });

  it("a target whose delete answers 204 but keeps the image: listed again, so reported as left behind", async () => {
    const p = await profile("huawei-ims");
    const behaviour = wrapHandler(defaultBehaviour, "deleteImage", () => () => ({ status: 204 }));
    await withReference(p, { behaviour }, async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url),
        runId: "c2",
        scenarios: examples,
      });
      expect(ref.server.images.size).toBeGreaterThan(0);
      expect(run.cleanup.leftBehind.map((l) => l.imageId).sort()).toEqual(
        [...ref.server.images.keys()].sort(),
      );
      expect(
        run.cleanup.leftBehind.every((l) => /still listed after a delete that answered 204/.test(l.why)),
      ).toBe(true);
      expect(run.cleanup.deleted).toBe(run.cleanup.created - run.cleanup.leftBehind.length);
    });
  });

  it("a create that answers 400 yet stores the image (Glance 25.1.0, four-byte tags): found by name, deleted, reported", async () => {
    const p = await profile("openstack-glance");
    const astral = /[\u{10000}-\u{10ffff}]/u;
    // The image is stored, then the answer is 400, as Glance's no_4byte_params does it.
    const behaviour = wrapHandler(defaultBehaviour, "createImage", (inner) => async (req, ctx) => {
      const res = await inner(req, ctx);
      return astral.test(req.body.toString("utf8"))
        ? fail(400, "Param values can't contain 4 byte unicode.")
        : res;
    });
    await withReference(p, { behaviour }, async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url),
        runId: "c3",
        scenarios: flaggedScenarios(p).filter((s) => s.id === "204-flagged-astral-plane"),
      });
      // Nothing stays, although no create answer announced those images.
      expect(ref.server.images.size).toBe(0);
      expect(run.cleanup.leftBehind).toEqual([]);
      expect(run.findings.map((f) => f.id)).toEqual(["create-error-but-stored"]);
      expect(run.findings[0]?.detail).toMatch(/answered 400/);
      // The flag allows the 400; nothing else went wrong, so no breach.
      expect(run.results.map((r) => [r.outcome, r.breaches.length])).toEqual([["fail", 0]]);
    });
  });

  it("a listing that fails during cleanup: every name it could not check is reported unverified, and the run exits 3", async () => {
    const p = await profile("huawei-ims");
    // The preflight's listing (the first) passes; every later one fails.
    let listings = 0;
    const behaviour = wrapHandler(
      defaultBehaviour,
      "listImages",
      (inner) => (req, ctx) => (listings++ === 0 ? inner(req, ctx) : fail(403, "listing is not allowed")),
    );
    await withReference(p, { behaviour }, async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url),
        runId: "c4",
        scenarios: examples,
      });
      expect(run.cleanup.leftBehind).toEqual([]);
      // The announced images were deleted, but whatever a create may have stored unannounced went unchecked.
      expect(run.cleanup.unverified.length).toBeGreaterThan(0);
      expect(run.cleanup.unverified.every((u) => /answered 403/.test(u.why))).toBe(true);
      expect(exitCodeOf(run, verdictOf(run))).toBe(ExitCode.aborted);
    });
  });

  it("a target whose listing does not show the image just created: the preflight stops the run before any scenario", async () => {
    const p = await profile("huawei-ims");
    const behaviour = wrapHandler(defaultBehaviour, "listImages", () => () => ({
      status: 200,
      json: { images: [] },
    }));
    await withReference(p, { behaviour }, async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url),
        runId: "c5",
        scenarios: examples,
      });
      expect(run.aborted?.kind).toBe("not-image-api");
      expect(run.aborted?.message).toMatch(/listing images named itc-[a-z0-9]{10} answered without it/);
      expect(run.results).toEqual([]);
      expect(ref.server.images.size).toBe(0);
    });
  });

  it("a name whose first listing fails is listed again in the next round: what it shows is deleted, nothing unverified", async () => {
    const p = await profile("huawei-ims");
    let flaky = 0;
    let creates = 0;
    // Every create but the preflight's (the first) stores its image but answers 403 (no 5xx, so no breach): only
    // listing finds them.
    const stored = wrapHandler(defaultBehaviour, "createImage", (inner) => async (req, ctx) => {
      const res = await inner(req, ctx);
      return creates++ === 0 ? res : fail(403, "not now");
    });
    // The first listing after the preflight's fails; the next ones pass.
    const behaviour = wrapHandler(
      stored,
      "listImages",
      (inner) => (req, ctx) => (flaky++ === 1 ? fail(403, "flaky") : inner(req, ctx)),
    );
    await withReference(p, { behaviour }, async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url),
        runId: "c6",
        scenarios: allScenarios.filter((s) => s.id === "204-delete-present-tag" || s.id === "404-absent-tag"),
      });
      expect(flaky).toBeGreaterThan(1);
      expect([...ref.server.images.values()].map((i) => i.name)).toEqual([]);
      expect(run.cleanup.unverified).toEqual([]);
      expect(run.cleanup.leftBehind).toEqual([]);
      expect(run.cleanup.foundByName).toBeGreaterThanOrEqual(1);
    });
  });
});
