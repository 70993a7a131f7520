import { buildReport } from "../../reports/buildReport";
import type { Report } from "../../reports/Report";
import { exitCodeOf } from "../../src/cli/exitCodes";
import { defaultRunSettings } from "../../src/engine/RunSettings";
import { verdictOf } from "../../src/engine/verdictOf";
import { runSuite } from "../../src/engine/runSuite";
import { findMutant } from "../../src/mutants/catalog";
import { defaultBehaviour } from "../../src/reference/defaultBehaviour";
import { allScenarios } from "../../suites";
import { profile } from "./profiles";
import { withReference } from "./reference";
import { targetFor } from "./targets";

/**
 * A report of a real in-process run of the example scenarios (fast) against the reference, or against one of
 * its mutants: for unit tests of functions that read reports.
 */
export async function exampleReport(
  options: { mutant?: string; profile?: "huawei-ims" | "openstack-glance" } = {},
): Promise<Report> {
  const p = await profile(options.profile ?? "huawei-ims");
  const m = options.mutant === undefined ? undefined : findMutant(options.mutant);
  if (options.mutant !== undefined && m === undefined) throw new Error(`no mutant ${options.mutant}`);
  return await withReference(
    p,
    m === undefined ? {} : { behaviour: m.apply(defaultBehaviour) },
    async (ref) => {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url, { faults: ref.faults }),
        runId: "r1",
        scenarios: allScenarios.filter((s) => s.kind === "example" || s.tier === "flagged"),
      });
      return buildReport(run, {
        command: "image-tag-conformance run",
        exitCode: exitCodeOf(run, verdictOf(run)),
        settings: defaultRunSettings,
      });
    },
  );
}
