import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Report, ScenarioEntry } from "../../reports/Report";
import { renderMatrixHtml } from "../../reports/renderMatrixHtml";
import { packageRoot } from "../../src/util/packageRoot";
import { readReport, runCli, tempOut, withServe } from "../../test/support/cli";
import { HeadlessChromium, type OpenedPage } from "./headlessChromium";

/** Screenshots of every page opened here: the test's artefacts. */
const artifacts = join(packageRoot, "test-artifacts", "browser");
const words = { pass: "PASS", fail: "FAIL", "not-exercised": "NOT EXERCISED" } as const;
/** A vendor name no page may turn into markup: a script, an image that would fetch, an attribute breaker. */
const hostileVendor = `</script><script>alert("vendor")</script><img src="x.png" onerror="alert(1)">'"`;

interface Run {
  readonly name: string;
  readonly dir: string;
  readonly code: number | null;
  readonly report: Report;
}

async function run(name: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const dir = tempOut();
  const r = await runCli(["run", "--quiet", ...args, "--out", dir], env);
  return { name, dir, code: r.code, report: readReport(dir) };
}

const tokens = { ITC_TOKEN: "owner-token", ITC_ALT_TOKEN: "alt-token" };

describe("report.html in chromium", () => {
  let browser: HeadlessChromium;
  const runs = new Map<string, Run>();
  const get = (name: string): Run => {
    const r = runs.get(name);
    if (r === undefined) throw new Error(`no ${name} run`);
    return r;
  };

  beforeAll(async () => {
    execFileSync("bash", [join(packageRoot, "targets", "chromium", "install.sh")], { stdio: "inherit" });
    mkdirSync(artifacts, { recursive: true });
    // The default run (npm start), a broken variant, and a run without the alt identity.
    runs.set("conformant", await run("conformant", []));
    runs.set(
      "non-conformant",
      await withServe(["--mutant", "status-200"], {}, ({ url }) =>
        run("non-conformant", ["--target", url, "--rate", "0", "--vendor", hostileVendor], tokens),
      ),
    );
    runs.set(
      "incomplete",
      await withServe([], {}, ({ url }) =>
        run("incomplete", ["--target", url, "--rate", "0"], { ITC_TOKEN: tokens.ITC_TOKEN }),
      ),
    );
    // A profile with flagged rules: their table, and the matrix of them.
    runs.set("glance", await run("glance", ["--profile", "openstack-glance"]));
    browser = await HeadlessChromium.launch();
  });

  afterAll(async () => {
    await browser.close();
  });

  /** Opens a run's report.html and checks what every report page must show, against its report.json. */
  async function openReport(r: Run): Promise<OpenedPage> {
    const opened = await browser.open(join(r.dir, "report.html"));
    const { page } = opened;
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("header.banner .verdict").textContent()).toBe(
      `${r.report.verdict.toUpperCase()}exit code ${r.report.exitCode}`,
    );
    expect(await page.locator("header.banner").textContent()).toContain(r.report.verdictRule);
    const statuses = await page.locator("table.statuses tbody th").allTextContents();
    const badges = await page.locator("table.statuses tbody .badge").allTextContents();
    const rows = statuses.map((status, i) => [status, badges[i]]);
    expect(rows).toEqual(r.report.statuses.map((s) => [String(s.status), words[s.outcome]]));
    // Row headers and plots as a screen reader finds them: real table semantics, named images.
    expect(await page.getByRole("rowheader", { name: "204", exact: true }).count()).toBe(1);
    for (const name of ["Response time per status", "Timeline of the run"])
      expect(await page.getByRole("img", { name, exact: true }).count()).toBe(1);
    return opened;
  }

  /** Nothing fetched but the file itself, nothing logged as an error; then the screenshot artefact. */
  async function closeReport(r: Run, opened: OpenedPage): Promise<void> {
    await opened.page.screenshot({ path: join(artifacts, `${r.name}.png`), fullPage: true });
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([`file://${join(r.dir, "report.html")}`]);
    await opened.page.close();
  }

  it("conformant: the verdict and every row as report.json has them, under 1 MB, printable", async () => {
    const r = get("conformant");
    expect(r.code).toBe(0);
    const size = statSync(join(r.dir, "report.html")).size;
    // eslint-disable-next-line no-console -- a figure this test measures, printed for CI's log
    console.log(`report.html of the default run: ${size} bytes`);
    expect(size).toBeLessThan(1_000_000);
    const opened = await openReport(r);
    const { page } = opened;
    await page.screenshot({
      path: join(artifacts, "conformant-first-screen.png"),
      clip: { x: 0, y: 0, width: 1280, height: 1000 },
    });
    // Collapsed, a scenario hides its checks; printed, every collapsed part is open.
    const checks = page.locator("details.scenario table.checks").first();
    expect(await checks.isVisible()).toBe(false);
    await page.emulateMedia({ media: "print" });
    expect(await checks.isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
    await closeReport(r, opened);
  });

  it("non-conformant: a failure opens onto its evidence, and a hostile vendor name stays text", async () => {
    const r = get("non-conformant");
    expect(r.code).toBe(1);
    const opened = await openReport(r);
    const { page } = opened;
    const failed = r.report.statuses
      .flatMap((s) => s.scenarios)
      .find((s): s is ScenarioEntry => s.tier === "core" && s.outcome === "fail" && s.kind === "example");
    if (failed === undefined) throw new Error("the broken variant failed no core example");
    const details = page.locator(`details[data-scenario="${failed.id}"]`);
    const failingCheck = details.locator("table.checks tr.ok-no").first();
    const subject = failed.evidence.exchanges.find((e) => e.method === "DELETE" && e.status === 200);
    if (subject === undefined) throw new Error("no DELETE answered 200 in the evidence");
    const exchange = details.locator(`.exchange[data-seq="${subject.seq}"]`);
    expect(await failingCheck.isVisible()).toBe(false);
    expect(await exchange.isVisible()).toBe(false);
    await details.locator("> summary").click();
    expect(await failingCheck.isVisible()).toBe(true);
    const failedRule = failed.evidence.checks.find((c) => !c.ok)?.rule;
    expect(await failingCheck.locator("th").textContent()).toBe(failedRule);
    expect(await exchange.isVisible()).toBe(true);
    expect(await exchange.locator("p.head").textContent()).toContain(`DELETE ${subject.path}`);
    expect(await details.locator(".exchange").count()).toBe(failed.evidence.exchanges.length);
    // The vendor name is shown as the text it is: no element, no script ran (no dialog), nothing fetched.
    expect(await page.locator("header.banner").textContent()).toContain(`by ${hostileVendor}`);
    expect(await page.locator("script").count()).toBe(1);
    expect(await page.locator("img").count()).toBe(0);
    await page.screenshot({ path: join(artifacts, "non-conformant-evidence.png"), fullPage: false });
    await closeReport(r, opened);
  });

  it("incomplete: the not-exercised rows and scenarios are shown as such", async () => {
    const r = get("incomplete");
    expect(r.code).toBe(4);
    expect(r.report.verdict).toBe("incomplete");
    const opened = await openReport(r);
    const listed = await opened.page.locator("#not-exercised tbody th").allTextContents();
    const expected = r.report.statuses.flatMap((s) =>
      s.scenarios.filter((c) => c.outcome === "not-exercised").map((c) => c.id),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(listed).toEqual(expected);
    expect(await opened.page.locator("#not-exercised .badge.b-not-exercised").first().isVisible()).toBe(true);
    await closeReport(r, opened);
  });

  it("the matrix of the three targets: a verdict per column and an outcome per cell", async () => {
    const reports = ["conformant", "non-conformant", "incomplete"].map((n) => get(n).report);
    const dir = tempOut();
    const path = join(dir, "matrix.html");
    writeFileSync(path, renderMatrixHtml(reports));
    const opened = await browser.open(path);
    const heads = await opened.page.locator("table.matrix thead th .badge").allTextContents();
    expect(heads).toEqual(["CONFORMANT", "NON-CONFORMANT", "INCOMPLETE"]);
    const row403 = await opened.page
      .locator('table.matrix tr[data-status="403"] td .badge')
      .allTextContents();
    expect(row403).toEqual(
      reports.map((rep) => words[rep.statuses.find((s) => s.status === 403)?.outcome ?? "pass"]),
    );
    await opened.page.screenshot({ path: join(artifacts, "matrix.png"), fullPage: true });
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([`file://${path}`]);
    expect(readFileSync(path, "utf8")).not.toContain("<script>alert");
  });

  it("flagged rules: the Requires column is wide enough to read, not a word per line (issue 22 item 8)", async () => {
    const r = get("glance");
    expect(r.code).toBe(0);
    expect(r.report.flagged.length).toBeGreaterThan(0);
    const opened = await openReport(r);
    const cells = opened.page.locator("table.flagged td.requires");
    expect(await cells.count()).toBe(r.report.flagged.length);
    for (let i = 0; i < r.report.flagged.length; i++) {
      const box = await cells.nth(i).boundingBox();
      // 22em of 15px, less the cell's padding: at 1280 px a line holds several words.
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(300);
    }
    await closeReport(r, opened);
  });

  it("the input space: the pairs line, a matrix cell per two dimensions, and what this target kept back", async () => {
    for (const name of ["conformant", "incomplete"]) {
      const r = get(name);
      const space = r.report.inputSpace;
      if (space === undefined) throw new Error(`the ${name} run's report has no input space`);
      const opened = await openReport(r);
      const { page } = opened;
      const section = page.locator("#input-space");
      expect(await section.isVisible()).toBe(true);
      expect(await section.locator("p.coverage-line strong").first().textContent()).toBe(
        `${space.pairs.covered} of ${space.pairs.feasible}`,
      );
      // Every two dimensions have a cell above the diagonal, and the matrix fits the page (no sideways scroll).
      const n = space.dimensions.length;
      expect(await section.locator("table.pair-matrix tbody tr").count()).toBe(n);
      const cells = await section.locator("table.pair-matrix td:not(.na)").count();
      const feasibleCells = Object.values(space.matrix).filter((c) => c.feasible > 0).length;
      expect(cells).toBe(feasibleCells);
      const box = await section.locator("table.pair-matrix").boundingBox();
      expect(box?.width ?? Infinity).toBeLessThanOrEqual(1280);
      expect(await section.locator("details.dimension").count()).toBe(n);
      // The levels this target kept from the run (no alt identity: the 403 levels) are said, not hidden.
      const kept = space.dimensions.flatMap((d) => d.levels.filter((l) => l.unavailable !== undefined));
      expect(await section.locator("table.levels td strong", { hasText: "NOT EXERCISED" }).count()).toBe(
        kept.length,
      );
      if (name === "incomplete") expect(kept.length).toBeGreaterThan(0);
      await closeReport(r, opened);
    }
  });

  it("the matrix page has the flagged-rules matrix, in the words report.html uses", async () => {
    const reports = ["conformant", "glance"].map((n) => get(n).report);
    const dir = tempOut();
    const path = join(dir, "matrix-flags.html");
    writeFileSync(path, renderMatrixHtml(reports));
    const opened = await browser.open(path);
    const ids = await opened.page.locator("table.flag-matrix tbody th code").allTextContents();
    expect(ids).toEqual(get("glance").report.flagged.map((f) => f.id));
    for (const f of get("glance").report.flagged) {
      const cells = await opened.page
        .locator(`table.flag-matrix tr[data-flag="${f.id}"] td`)
        .allTextContents();
      expect(cells).toEqual(["not flagged by this profile", f.outcome === "pass" ? "PASS" : "FLAGGED"]);
    }
    expect(await opened.page.locator("p.notice").textContent()).toContain("certifies no cloud");
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([`file://${path}`]);
  });
});
