import { exampleTags } from "../../../generators/exampleTags";
import { defaultRunSettings } from "../../../src/engine/RunSettings";
import { runSuite } from "../../../src/engine/runSuite";
import { verdictOf } from "../../../src/engine/verdictOf";
import { wrapDeleteTag, wrapHandler } from "../../../src/mutants/Mutant";
import { defaultBehaviour } from "../../../src/reference/defaultBehaviour";
import { fail, type ReferenceBehaviour } from "../../../src/reference/RefExchange";
import { allScenarios } from "../../../suites";
import { profile } from "../../support/profiles";
import { withReference } from "../../support/reference";
import { targetFor } from "../../support/targets";

// The run-wide invariants of issue 19 item 3 on hand-made targets: the sentinel (an image no request names) and
// the whole-image comparison of every read, which must blame the target only for what a request did.
// Every scenario but the contracts (their verifier is a child process): a conformant run needs every status.
const scenarios = allScenarios.filter((s) => s.kind !== "contract");
const settings = { ...defaultRunSettings, seed: 3 };

async function runWith(behaviour: ReferenceBehaviour) {
  const p = await profile("huawei-ims");
  return withReference(p, { behaviour }, (ref) =>
    runSuite({ profile: p, target: targetFor(ref.url), runId: "s1", scenarios, settings }),
  );
}

describe("the sentinel and the whole-image check", () => {
  it("a tag delete that renames the caller's oldest other image: a breach of the run, naming the field", async () => {
    const behaviour = wrapDeleteTag(defaultBehaviour, (inner) => async (req, ctx) => {
      const res = await inner(req, ctx);
      const oldest = [...ctx.images.values()].find((i) => i.id !== req.params["image_id"]);
      if (res.status === 204 && oldest !== undefined) oldest.name = "renamed";
      return res;
    });
    const run = await runWith(behaviour);
    expect(run.breaches.map((b) => [b.rule, /name: .* → "renamed"/.test(b.detail)])).toEqual([
      ["an image no request named is unchanged", true],
    ]);
    expect(verdictOf(run)).toBe("non-conformant");
  });

  it("a tag delete that sets min_disk on its own image: the scenario fails on the read after it", async () => {
    const behaviour = wrapDeleteTag(defaultBehaviour, (inner) => async (req, ctx) => {
      const res = await inner(req, ctx);
      const image = ctx.images.get(req.params["image_id"] ?? "");
      if (res.status === 204 && image !== undefined) image.fields["min_disk"] = 7;
      return res;
    });
    const run = await runWith(behaviour);
    const failed = run.results.filter((r) => r.outcome === "fail").map((r) => r.scenario.id);
    expect(failed).toContain("204-delete-present-tag");
    const check = run.results
      .flatMap((r) => r.checks)
      .find((c) => !c.ok && c.rule === "the image's other fields unchanged");
    expect(check?.detail).toMatch(/min_disk: (absent|0) → 7/);
  });

  it("a create's answer that shows the image otherwise than a read does: no blame, conformant", async () => {
    const behaviour = wrapHandler(defaultBehaviour, "createImage", (inner) => async (req, ctx) => {
      const res = await inner(req, ctx);
      return "json" in res && typeof res.json === "object" && res.json !== null
        ? { ...res, json: { ...res.json, status: "saving", create_only: true } }
        : res;
    });
    const run = await runWith(behaviour);
    expect([verdictOf(run), run.breaches, run.partial]).toEqual(["conformant", [], undefined]);
  });

  it("a create's answer without visibility, and a delete that makes the image private: caught on a read, not lost to the calibration", async () => {
    // The create's answer leaves out visibility (and the sentinel's calibration so leaves it out of comparisons
    // with a create's answer); a 204 on a community image makes it private. The image is read once after its
    // create, so the change is seen between two reads.
    const terse = wrapHandler(defaultBehaviour, "createImage", (inner) => async (req, ctx) => {
      const res = await inner(req, ctx);
      if (!("json" in res) || typeof res.json !== "object" || res.json === null) return res;
      const terseJson: Record<string, unknown> = { ...(res.json as Record<string, unknown>) };
      delete terseJson["visibility"];
      return { ...res, json: terseJson };
    });
    const behaviour = wrapDeleteTag(terse, (inner) => async (req, ctx) => {
      const res = await inner(req, ctx);
      const image = ctx.images.get(req.params["image_id"] ?? "");
      if (res.status === 204 && image?.visibility === "community") image.visibility = "private";
      return res;
    });
    const run = await runWith(behaviour);
    expect(verdictOf(run)).toBe("non-conformant");
    const check = run.results
      .flatMap((r) => r.checks)
      .find((c) => !c.ok && c.rule === "the image's other fields unchanged");
    expect(check?.detail).toMatch(/visibility: "community" → "private"/);
  });

  it("no sentinel (its create refused): the run is partial, never conformant, and says why", async () => {
    const p = await profile("huawei-ims");
    const tags = exampleTags(p, settings.seed);
    if ("problem" in tags) throw new Error("huawei-ims has example tags");
    const sentinelTags = JSON.stringify([tags.target, ...tags.others]);
    const behaviour = wrapHandler(defaultBehaviour, "createImage", (inner) => async (req, ctx) => {
      const body = JSON.parse(req.body.toString("utf8") || "{}") as { tags?: string[] };
      return JSON.stringify(body.tags) === sentinelTags ? fail(413, "quota exceeded") : inner(req, ctx);
    });
    const run = await runWith(behaviour);
    expect(run.partial).toMatch(/no sentinel image could be made/);
    expect(verdictOf(run)).toBe("incomplete");
  });
});
