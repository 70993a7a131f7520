import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MergedMatrix } from "../../reports/compare/mergeReports";
import type { Report } from "../../reports/Report";
import { findMutant } from "../../src/mutants/catalog";
import { defaultBehaviour } from "../../src/reference/defaultBehaviour";
import { packageRoot } from "../../src/util/packageRoot";
import { readReport, runCli, tempOut, withServe, type CliResult } from "../support/cli";
import { profile } from "../support/profiles";
import { tokens as refTokens, withReference } from "../support/reference";

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
    expect(r.stdout).toMatch(
      /^\d+ regressions?: something that passed in A fails or is gone in B, or B used another profile$/m,
    );
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
    expect(r.stdout).toMatch(
      /^no regression \(the same profile, and nothing that passed in A fails or is gone in B\)$/m,
    );
  });

  it("another profile (huawei-ims → openstack-glance): a regression (exit 1), with the statuses only A documents", async () => {
    const r = await runCli(["diff", report(runs.faithful), report(runs.glance)]);
    expect(r.stdout).toMatch(
      /^profile: huawei-ims \(built in, openapi sha256 [0-9a-f]{12}\) → openstack-glance \(built in, openapi sha256 [0-9a-f]{12}\) {2}\(regression: B was judged against another profile\)$/m,
    );
    expect(r.stdout).toMatch(
      /^ {2}500 {2}PASS → \(absent: B's profile does not document it\) {2}\(regression\)$/m,
    );
    expect(r.stdout).toMatch(/^ {2}new flag: astral-plane$/m);
    // B was judged against another document: whatever it says, it no longer shows what A showed.
    expect(r.code).toBe(1);
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
    // Without the alt identity the cross-project 404 scenario did not run: that row is not PASS (issue 20 item 11).
    expect(row(404)).toEqual(["pass", "fail", "not-exercised", "pass"]);
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
    expect(md).toMatch(/^\| 404 \| .* \| PASS \| FAIL \| NOT EXERCISED \| PASS \|$/m);
    expect(md).toMatch(/^\| 500 \| .* \| PASS \| NOT EXERCISED \| NOT EXERCISED \| — \|$/m);
    expect(md).toMatch(/^4 targets: 2 conformant, 1 non-conformant, 1 incomplete\.$/m);
    // The same matrix as a page (its own checks run in Chromium): one column per target, a row per status.
    const html = readFileSync(join(out, "merged.html"), "utf8");
    expect(html.match(/<th scope="row">\d{3} <span/g)?.length).toBe(7);
    // The flagged rules × targets, as merged.md and merged.json have them (issue 22 item 8).
    expect([...html.matchAll(/<tr data-flag="([^"]+)">/g)].map((x) => x[1])).toEqual(
      m.flagged.map((f) => f.id),
    );
    // Columns named as merged.md names them; an embedded reference column is said to certify nothing.
    for (const t of m.targets) expect(html).toContain(`<span class="target">${t.label}</span>`);
    expect(m.targets[0]?.label).toMatch(/^embedded reference \(127\.0\.0\.1:\d+\)$/);
    expect(md).toMatch(/^An embedded reference column .* certifies no cloud\.$/m);
    expect(html).toContain("certifies no cloud.");
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

describe("diff against a custom copy of the profile that drops 401 and 403 (issue 20 item 2)", () => {
  it("exit 1: the profile changed, and the rows that passed in A are gone from B", async () => {
    const dir = tempOut();
    const copy = join(dir, "huawei-lms.yaml");
    const text = readFileSync(join(packageRoot, "openapi", "huawei-ims.yaml"), "utf8")
      .replace("x-itc-profile: huawei-ims", "x-itc-profile: huawei-lms")
      .replace(
        /^ {8}"401":\n {10}\$ref: "#\/components\/responses\/Unauthorized"\n {8}"403":\n {10}\$ref: "#\/components\/responses\/Forbidden"\n {8}"404"/m,
        '        "404"',
      );
    writeFileSync(copy, text);
    const out = tempOut();
    expect((await runCli(["run", "--profile", copy, "--out", out, "--quiet", "--seed", "1"])).code).toBe(0);
    const r = await runCli(["diff", report(runs.faithful), report(out)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^profile: huawei-ims \(built in, openapi sha256 [0-9a-f]{12}\) → huawei-lms \(custom profile, openapi sha256 [0-9a-f]{12}\) {2}\(regression: B was judged against another profile\)$/m,
    );
    for (const status of [401, 403])
      expect(r.stdout).toMatch(
        new RegExp(
          `^ {2}${status} {2}PASS → \\(absent: B's profile does not document it\\) {2}\\(regression\\)$`,
          "m",
        ),
      );
    expect(r.stdout).not.toMatch(/^no regression/m);
  });
});

describe("a run cut short (Ctrl-C) against a reference that loses concurrent updates (issue 20 item 11)", () => {
  const lostUpdate = findMutant("lost-update");
  if (lostUpdate === undefined) throw new Error("no lost-update mutant");
  const env = { ITC_TOKEN: refTokens.owner, ITC_ALT_TOKEN: refTokens.alt };
  const whole = tempOut();
  const cut = tempOut();
  let cutRun: CliResult;

  beforeAll(async () => {
    const p = await profile("huawei-ims");
    await withReference(p, { behaviour: lostUpdate.apply(defaultBehaviour) }, async (ref) => {
      const args = ["run", "--target", ref.url, "--out", whole, "--quiet", "--rate", "0", "--seed", "1"];
      expect((await runCli(args, env)).code).toBe(0);
    });
    // Slow, so that the signal lands while some scenarios of a status have passed and others have not run.
    await withReference(p, { behaviour: lostUpdate.apply(defaultBehaviour), latencyMs: 40 }, async (ref) => {
      let sent = false;
      cutRun = await runCli(
        ["run", "--target", ref.url, "--out", cut, "--rate", "0", "--seed", "1"],
        env,
        (stderr, child) => {
          if (!sent && stderr.includes("[2/")) {
            sent = true;
            child.kill("SIGINT");
          }
        },
      );
    });
  }, 240000);

  /** Rows of the cut run with a core scenario that passed and one that did not run. */
  const mixedRows = (r: Report): number[] =>
    r.statuses
      .filter((row) => {
        const core = row.scenarios.filter((s) => s.tier === "core");
        return core.some((s) => s.outcome === "pass") && core.some((s) => s.outcome === "not-exercised");
      })
      .map((row) => row.status);

  it("the A run found the lost update; the cut run never reached it", () => {
    const a = readReport(whole);
    expect(
      a.statuses.flatMap((r) => r.scenarios).find((s) => s.id === "204-concurrent-distinct-tags")?.outcome,
    ).toBe("fail");
    expect(cutRun.code).toBe(3);
    expect(readReport(cut).aborted?.kind).toBe("user");
  });

  it("a row whose core scenarios did not all run is not PASS: terminal, report.json, report.md", () => {
    const b = readReport(cut);
    const mixed = mixedRows(b);
    expect(mixed.length).toBeGreaterThan(0);
    for (const status of mixed) {
      expect(b.statuses.find((r) => r.status === status)?.outcome).toBe("not-exercised");
      expect(cutRun.stdout).toMatch(new RegExp(`^ {2}${status} {2}NOT EXERCISED +\\d+/\\d+ `, "m"));
      expect(readFileSync(join(cut, "report.md"), "utf8")).toMatch(
        new RegExp(`^\\| ${status} \\| .* \\| NOT EXERCISED \\| \\d+/\\d+ \\|`, "m"),
      );
    }
    // No row of the cut run is PASS unless every core scenario of it ran and passed.
    for (const row of b.statuses.filter((r) => r.outcome === "pass"))
      expect(row.scenarios.filter((s) => s.tier === "core").every((s) => s.outcome === "pass")).toBe(true);
    expect(cutRun.stdout).not.toMatch(/^ {2}\d{3} {2}PASS /m);
    // The scenarios it never started are listed, not silently left out.
    expect(b.statuses.find((r) => r.status === 401)?.scenarios.length).toBeGreaterThan(0);
  });

  it("merge shows those rows NOT EXERCISED in merged.json, merged.md and merged.html", async () => {
    const out = tempOut();
    expect((await runCli(["merge", report(whole), report(cut), "--out", out])).code).toBe(0);
    const m = JSON.parse(readFileSync(join(out, "merged.json"), "utf8")) as MergedMatrix;
    const md = readFileSync(join(out, "merged.md"), "utf8");
    const html = readFileSync(join(out, "merged.html"), "utf8");
    for (const status of mixedRows(readReport(cut))) {
      const row = m.statuses.find((s) => s.status === status);
      expect([row?.outcomes[1], row?.labels[1]]).toEqual(["not-exercised", "NOT EXERCISED"]);
      expect(md).toMatch(new RegExp(`^\\| ${status} \\| .* \\| PASS \\| NOT EXERCISED \\|$`, "m"));
      expect(html).toMatch(
        new RegExp(
          `<tr data-status="${status}">.*<td><span class="badge b-pass">PASS</span>.*</td><td><span class="badge b-not-exercised">NOT EXERCISED</span>`,
        ),
      );
    }
  });

  it("diff says the finding was not checked in B, not resolved", async () => {
    const r = await runCli(["diff", report(whole), report(cut)]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/resolved:/);
    expect(r.stdout).toMatch(/^B did not run everything: cut short: run aborted by the user$/m);
    expect(r.stdout).toMatch(
      /^ {2}not checked in B: 204-concurrent-distinct-tags: .* \(204-concurrent-distinct-tags did not run to the end in B\)$/m,
    );
  });
});
