import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MergedMatrix } from "../../reports/compare/mergeReports";
import { readReport, runCli, tempOut, withServe } from "../support/cli";

const tokens = { ITC_TOKEN: "owner-token", ITC_ALT_TOKEN: "alt-token" };

/** Reports of real runs, shared by the tests below: each is a directory holding report.json. */
const runs = { faithful: "", mutant: "", incomplete: "", glance: "" };
const report = (dir: string): string => join(dir, "report.json");

beforeAll(async () => {
  runs.faithful = tempOut();
  expect((await runCli(["run", "--out", runs.faithful, "--quiet", "--seed", "1"])).code).toBe(0);
  runs.glance = tempOut();
  const glance = ["run", "--profile", "openstack-glance", "--out", runs.glance, "--quiet", "--seed", "1"];
  expect((await runCli(glance)).code).toBe(0);
  await withServe(["--mutant", "absent-tag-204"], {}, async (server) => {
    runs.mutant = tempOut();
    const args = [
      "run",
      "--target",
      server.url,
      "--out",
      runs.mutant,
      "--quiet",
      "--rate",
      "0",
      "--seed",
      "1",
    ];
    expect((await runCli(args, tokens)).code).toBe(1);
  });
  await withServe([], {}, async (server) => {
    runs.incomplete = tempOut();
    const args = ["run", "--target", server.url, "--out", runs.incomplete, "--quiet", "--rate", "0"];
    // No ITC_ALT_TOKEN: the 403 and cross-project scenarios cannot run.
    expect((await runCli(args, { ITC_TOKEN: "owner-token" })).code).toBe(4);
  });
}, 240000);

describe("diff A/report.json B/report.json, on real runs", () => {
  it("a regression (faithful → serve --mutant absent-tag-204): exit 1, names the rows and scenarios that changed", async () => {
    const r = await runCli(["diff", report(runs.faithful), report(runs.mutant)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^verdict: conformant → non-conformant {2}\(regression\)$/m);
    // The mutant answers 204 where the tag is absent: the 404 row fails.
    expect(r.stdout).toMatch(/^statuses:\n(?: {2}.*\n)*? {2}404 {2}PASS → FAIL {2}\(regression\)$/m);
    expect(r.stdout).toMatch(/^ {2}404-absent-tag \(404, core\) {2}PASS → FAIL {2}\(regression\)$/m);
    expect(r.stdout).toMatch(/^\d+ regressions?: something that passed in A fails in B$/m);
    expect(r.stdout).not.toMatch(/^no change$/m);
    const failedInB = readReport(runs.mutant)
      .statuses.flatMap((s) => s.scenarios)
      .filter((s) => s.outcome === "fail")
      .map((s) => s.id);
    expect(failedInB.length).toBeGreaterThan(0);
    for (const id of failedInB) expect(r.stdout).toContain(`  ${id} (`);
  });

  it("an identical pair (A vs A): exit 0 and no change", async () => {
    const r = await runCli(["diff", report(runs.faithful), report(runs.faithful)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^no change$/m);
    expect(r.stdout).not.toMatch(/regression|→/);
  });

  it("an improvement (mutant → faithful): exit 0, the changes shown, no regression", async () => {
    const r = await runCli(["diff", report(runs.mutant), report(runs.faithful)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^verdict: non-conformant → conformant$/m);
    expect(r.stdout).toMatch(/^ {2}404-absent-tag \(404, core\) {2}FAIL → PASS$/m);
    expect(r.stdout).toMatch(/^no regression \(nothing that passed in A fails in B\)$/m);
  });

  it("another profile (huawei-ims → openstack-glance): the profile change and the statuses only one documents", async () => {
    const r = await runCli(["diff", report(runs.faithful), report(runs.glance)]);
    expect(r.stdout).toMatch(
      /^profile: huawei-ims \(openapi sha256 [0-9a-f]{12}\) → openstack-glance \(openapi sha256 [0-9a-f]{12}\)$/m,
    );
    expect(r.stdout).toMatch(/^ {2}500 {2}PASS → \(absent\)$/m);
    expect(r.stdout).toMatch(/^ {2}new flag: astral-plane$/m);
    // Nothing that passed fails: a status no longer documented is not a regression.
    expect(r.code).toBe(0);
  });

  it("a verdict conformant → incomplete is a regression (exit 1) even with no scenario failing", async () => {
    const scenarios = readReport(runs.incomplete).statuses.flatMap((s) => s.scenarios);
    expect(scenarios.filter((s) => s.outcome === "fail")).toEqual([]);
    const r = await runCli(["diff", report(runs.faithful), report(runs.incomplete)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^verdict: conformant → incomplete {2}\(regression\)$/m);
    expect(r.stdout).toMatch(/PASS → NOT EXERCISED/);
  });

  it("an unreadable or invalid file: exit 2, one line", async () => {
    const missing = await runCli(["diff", report(runs.faithful), join(tempOut(), "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^image-tag-conformance: cannot read .*nope\.json/),
    ]);
    const bad = join(tempOut(), "report.json");
    writeFileSync(bad, JSON.stringify({ ...readReport(runs.faithful), verdict: "fine" }));
    const invalid = await runCli(["diff", bad, report(runs.faithful)]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /is not a report\.json of this suite version .*\/verdict must be equal to one of the allowed values/,
      ),
    ]);
    const one = await runCli(["diff", report(runs.faithful)]);
    expect(one.code).toBe(2);
  });
});

describe("merge report.json... on real runs", () => {
  it("faithful + mutant + incomplete + another profile: one matrix, — where a profile lacks the status", async () => {
    const out = tempOut();
    const inputs = [runs.faithful, runs.mutant, runs.incomplete, runs.glance].map(report);
    const r = await runCli(["merge", ...inputs, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^merged: 4 reports → .*merged\.json, .*merged\.md, .*merged\.html$/m);
    const m = JSON.parse(readFileSync(join(out, "merged.json"), "utf8")) as MergedMatrix;
    expect(m.targets.map((t) => [t.profile, t.verdict, t.source])).toEqual([
      ["huawei-ims", "conformant", inputs[0]],
      ["huawei-ims", "non-conformant", inputs[1]],
      ["huawei-ims", "incomplete", inputs[2]],
      ["openstack-glance", "conformant", inputs[3]],
    ]);
    expect(new Set(m.targets.map((t) => t.label)).size).toBe(4);
    const row = (status: number) => m.statuses.find((s) => s.status === status)?.outcomes;
    expect(m.statuses.map((s) => s.status)).toEqual([204, 400, 401, 403, 404, 500, 503]);
    expect(row(404)).toEqual(["pass", "fail", "pass", "pass"]);
    expect(row(403)).toEqual(["pass", "pass", "not-exercised", "pass"]);
    // openstack-glance documents no 500 or 503: null in JSON, — in Markdown.
    expect(row(500)).toEqual(["pass", "not-exercised", "not-exercised", null]);
    expect(m.flagged.map((f) => [f.id, f.outcomes])).toEqual([
      ["astral-plane", [null, null, null, "pass"]],
      ["non-ascii-in-path", [null, null, null, "pass"]],
    ]);
    // Each cell is exactly the outcome of that report's row.
    for (const [i, dir] of [runs.faithful, runs.mutant, runs.incomplete, runs.glance].entries())
      for (const s of readReport(dir).statuses) expect(row(s.status)?.[i]).toBe(s.outcome);
    const md = readFileSync(join(out, "merged.md"), "utf8");
    expect(md).toMatch(/^\| 404 \| .* \| PASS \| FAIL \| PASS \| PASS \|$/m);
    expect(md).toMatch(/^\| 500 \| .* \| PASS \| NOT EXERCISED \| NOT EXERCISED \| — \|$/m);
    expect(md).toMatch(/^4 targets: 2 conformant, 1 non-conformant, 1 incomplete\.$/m);
    // The same matrix as a page (its own checks run in Chromium): one column per target, a row per status.
    const html = readFileSync(join(out, "merged.html"), "utf8");
    expect(html.match(/<th scope="row">\d{3}/g)?.length).toBe(7);
    for (const t of m.targets) expect(html).toContain(t.url);
  });

  it("no report, or an invalid one: exit 2", async () => {
    expect((await runCli(["merge"])).code).toBe(2);
    const r = await runCli([
      "merge",
      report(runs.faithful),
      join(tempOut(), "missing.json"),
      "--out",
      tempOut(),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^image-tag-conformance: cannot read .*missing\.json/);
  });
});
