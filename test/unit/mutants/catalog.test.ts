import { readFileSync } from "node:fs";
import { join } from "node:path";
import { contractScenarios } from "../../../contracts/verify/contractScenarios";
import { defaultRunSettings } from "../../../src/engine/RunSettings";
import { mutants } from "../../../src/mutants/catalog";
import { checkFaithful, scoreMutant } from "../../../src/mutants/scoreMutants";
import { builtinProfileNames } from "../../../src/profile/builtinProfiles";
import { packageRoot } from "../../../src/util/packageRoot";
import { suiteScenarios } from "../../../suites";
import { profile } from "../../support/profiles";

describe("the mutant corpus", () => {
  it.each(mutants.map((m) => [m.name, m] as const))(
    "%s is caught (a non-conformant verdict, or a finding for the extended tier) by exactly the rows it declares",
    async (_name, mutant) => {
      // One worker: a mutant that touches other images (wrong-image) then fails the same scenarios every time.
      const score = await scoreMutant(
        await profile(mutant.profile ?? "huawei-ims"),
        { ...defaultRunSettings, workers: 1 },
        mutant,
      );
      expect(score.missing).toEqual([]);
      expect(score.failingRows).toEqual([...mutant.rows].sort((a, b) => a - b));
      expect(score.caught).toBe(true);
      expect(score.verdict).toBe(mutant.expects === "finding" ? "conformant" : "non-conformant");
    },
  );

  it("has at least 20 mutants with unique names, declaring only real scenarios of their profile", async () => {
    expect(mutants.length).toBeGreaterThanOrEqual(20);
    expect(new Set(mutants.map((m) => m.name)).size).toBe(mutants.length);
    for (const m of mutants) {
      const p = await profile(m.profile ?? "huawei-ims");
      const ids = new Set([...suiteScenarios(p), ...contractScenarios(p)].map((s) => s.id));
      for (const s of m.scenarios) expect(ids.has(s)).toBe(true);
    }
  });

  it("covers every documented huawei-ims status and every property, and the items of issue 10 (flagged 5xx, image deleted, late body)", async () => {
    const p = await profile("huawei-ims");
    const rows = new Set(mutants.filter((m) => m.profile === undefined).flatMap((m) => m.rows));
    expect(p.documentedStatuses.filter((s) => !rows.has(s))).toEqual([]);
    const declared = new Set(mutants.flatMap((m) => m.scenarios));
    const properties = suiteScenarios(p)
      .filter((s) => s.kind === "property" && s.appliesTo(p))
      .map((s) => s.id);
    expect(properties.filter((id) => !declared.has(id))).toEqual([]);
    expect(mutants.map((m) => m.name)).toEqual(
      expect.arrayContaining(["flagged-tag-500", "tag-delete-deletes-image", "late-204-body"]),
    );
  });
});

describe("no false alarms: the faithful reference is conformant under 20 different seeds, at the default depth", () => {
  // One test per seed: each is bounded on its own (a loaded machine ran all 20 of a profile past 120 s).
  const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
  it.each(builtinProfileNames.flatMap((name) => seeds.map((n) => [name, n] as const)))(
    "%s, seed %d × 7919",
    async (name, n) => {
      const check = await checkFaithful(await profile(name), { ...defaultRunSettings, seed: n * 7919 });
      expect(check).toEqual({ verdict: "conformant", failingScenarios: [] });
    },
  );
});

describe("docs/reference/mutants.md", () => {
  it("lists every mutant with its defect and rows", () => {
    // Prettier pads table cells; compare with runs of spaces folded.
    const page = readFileSync(join(packageRoot, "docs", "reference", "mutants.md"), "utf8").replace(
      / +/g,
      " ",
    );
    for (const m of mutants) {
      const rows = m.rows.length === 0 ? "none (extended tier)" : m.rows.join(", ");
      expect(page).toContain(`| \`${m.name}\` | ${m.defect} | ${rows} |`);
    }
  });
});
