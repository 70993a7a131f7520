import { buildReport } from "../../../reports/buildReport";
import { renderJunit } from "../../../reports/renderJunit";
import { runSuite } from "../../../src/engine/runSuite";
import { defaultRunSettings } from "../../../src/engine/RunSettings";
import { findMutant } from "../../../src/mutants/catalog";
import { wrapHandler } from "../../../src/mutants/Mutant";
import { defaultBehaviour } from "../../../src/reference/defaultBehaviour";
import type { ReferenceBehaviour } from "../../../src/reference/RefExchange";
import { allScenarios } from "../../../suites";
import { flaggedScenarios } from "../../../suites/flagged/flaggedTagScenario";
import { profile } from "../../support/profiles";
import { withReference } from "../../support/reference";
import { targetFor } from "../../support/targets";

async function junitOf(
  name: "huawei-ims" | "openstack-glance",
  behaviour: ReferenceBehaviour,
  ids: readonly string[],
): Promise<string> {
  const p = await profile(name);
  return withReference(p, { behaviour }, async (ref) => {
    const scenarios = [...allScenarios, ...flaggedScenarios(p)].filter((s) => ids.includes(s.id));
    const run = await runSuite({ profile: p, target: targetFor(ref.url), runId: "j1", scenarios });
    return renderJunit(buildReport(run, { command: "c", exitCode: 0, settings: defaultRunSettings }));
  });
}

describe("junit.xml shows what is not a plain pass on a CI dashboard", () => {
  it('an extended-tier finding is <skipped message="FINDING: ...">, never a plain pass', async () => {
    const lostUpdate = findMutant("lost-update");
    if (lostUpdate === undefined) throw new Error("no lost-update mutant");
    const xml = await junitOf("huawei-ims", lostUpdate.apply(defaultBehaviour), [
      "204-concurrent-distinct-tags",
    ]);
    expect(xml).toMatch(
      /<testcase [^>]*name="204-concurrent-distinct-tags[^"]*"[^>]*>\s*<skipped message="FINDING: [^"]+"\/>/,
    );
    expect(xml).not.toMatch(/<failure/);
  });

  it('a flagged rule failing as its flag allows is <skipped message="FLAGGED: ...">; one that breaks a rule of every tier is a failure', async () => {
    const latin1 = wrapHandler(
      defaultBehaviour,
      "deleteImageTag",
      (inner) => (req, ctx) =>
        inner(
          {
            ...req,
            params: { ...req.params, tag: Buffer.from(req.params["tag"] ?? "", "utf8").toString("latin1") },
          },
          ctx,
        ),
    );
    const flagged = await junitOf("openstack-glance", latin1, ["204-flagged-non-ascii-in-path"]);
    expect(flagged).toMatch(/<skipped message="FLAGGED: [^"]+"\/>/);
    expect(flagged).not.toMatch(/<failure/);
    const fiveHundred = wrapHandler(
      defaultBehaviour,
      "deleteImageTag",
      (inner) => (req, ctx) =>
        /[\u0080-\u{10ffff}]/u.test(req.params["tag"] ?? "")
          ? { status: 500, error: "boom" }
          : inner(req, ctx),
    );
    const broken = await junitOf("openstack-glance", fiveHundred, ["204-flagged-non-ascii-in-path"]);
    expect(broken).toMatch(/<failure message="[^"]+" type="non-conformant"/);
    expect(broken).not.toMatch(/<skipped message="FLAGGED/);
  });
});
