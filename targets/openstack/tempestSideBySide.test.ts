import type { GlanceRun } from "./support/runAgainstGlance";
import { expectOwnerImagesKept, runAgainstGlance } from "./support/runAgainstGlance";
import { figuresTable } from "./support/figuresTable";
import { glanceLogMark, glanceRequestsSince, type GlanceActivity } from "./support/glanceLog";
import { runTempest, type TempestRun } from "./support/runTempest";

// Keystone and Glance come up once for all of test:glance (support/globalSetup.ts).
afterEach(expectOwnerImagesKept);

/** Rounds of the pair (ours, then Tempest); ITC_GLANCE_BENCH_ROUNDS=3 for steadier figures. */
const rounds = Math.max(1, Number(process.env["ITC_GLANCE_BENCH_ROUNDS"] ?? "1") || 1);

/** What Tempest's interop tag tests check: 204 (add and delete a tag) and 404 (a missing image; a missing tag). */
const tempestStatuses = [204, 404];

const seconds = (ms: number): string => (ms / 1000).toFixed(1);
const perSecond = (n: number, ms: number): string => (ms > 0 ? ((n * 1000) / ms).toFixed(1) : "-");
const ratio = (a: number, b: number): string => (b > 0 ? (a / b).toFixed(2) : "-");

function oursRow(label: string, round: number, run: GlanceRun, glance: GlanceActivity): string[] {
  const { stats } = run.report;
  return [
    `${label} #${round}`,
    seconds(run.wallMs),
    seconds(glance.cpuMs),
    `${stats.requests} (${glance.requests})`,
    perSecond(stats.requests, run.wallMs),
    `${ratio(run.wallMs, stats.waitMs)} (${ratio(run.wallMs, glance.busyMs)})`,
    run.report.statuses
      .filter((s) => s.outcome === "pass")
      .map((s) => s.status)
      .join(" "),
    run.report.verdict,
  ];
}

function tempestRow(round: number, run: TempestRun, glance: GlanceActivity): string[] {
  const passed = run.code === 0 && run.failed === 0 && run.passed === 3;
  return [
    `tempest test_images_tags #${round}`,
    seconds(run.wallMs),
    seconds(glance.cpuMs),
    `- (${glance.requests})`,
    perSecond(glance.requests, run.wallMs),
    `- (${ratio(run.wallMs, glance.busyMs)})`,
    passed ? tempestStatuses.join(" ") : "-",
    `${passed ? "passed" : "FAILED"} ${run.passed}/${run.ran}`,
  ];
}

describe("the default certification run beside Tempest's interop tag tests (issue 12; figures printed, not asserted)", () => {
  it("both pass against the same Glance, back to back", async () => {
    const rows: string[][] = [];
    const failures: string[] = [];
    for (let round = 1; round <= rounds; round++) {
      let mark = glanceLogMark();
      // Exactly what a user types: no --seed, --rate or --runs.
      const ours = await runAgainstGlance("openstack-glance", { asUserTypes: true });
      rows.push(oursRow("image-tag-conformance", round, ours, glanceRequestsSince(mark)));
      if (ours.report.verdict !== "conformant") failures.push(`ours #${round}: ${ours.report.verdict}`);
      // The smallest run the generator classes allow: one case of each class in each property. What it costs
      // Glance is the floor of any default that keeps every class (docs/explanation/performance.md).
      mark = glanceLogMark();
      const floor = await runAgainstGlance("openstack-glance", { asUserTypes: true, extra: ["--runs", "1"] });
      rows.push(oursRow("  the same, --runs 1", round, floor, glanceRequestsSince(mark)));
      if (floor.report.verdict !== "conformant") failures.push(`--runs 1 #${round}: ${floor.report.verdict}`);
      mark = glanceLogMark();
      const tempest = await runTempest();
      rows.push(tempestRow(round, tempest, glanceRequestsSince(mark)));
      if (tempest.code !== 0 || tempest.passed !== 3 || tempest.failed !== 0)
        failures.push(`tempest #${round}: exit ${String(tempest.code)}\n${tempest.output}`);
    }
    process.stdout.write(
      "\nGlance 25.1.0 on loopback, same job, back to back. Glance CPU: what its processes used (from /proc; for ours,\n" +
        "two listings of the owner's images around the run included); requests: the run's own count (Glance's access\n" +
        "log); overhead: wall / time waiting on Glance (wall / time Glance was busy, from its log); Tempest's wall time\n" +
        "is `tempest run`'s, configuration excluded; statuses: those proved (ours: status rows that pass).\n\n" +
        figuresTable(
          ["tool", "wall s", "Glance CPU s", "requests", "req/s", "overhead", "statuses proven", "result"],
          rows,
        ) +
        "\n",
    );
    expect(failures).toEqual([]);
  });
});
