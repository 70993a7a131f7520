import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../../src/util/packageRoot";
import { defaultRunSettings } from "../../../src/engine/RunSettings";
import { mutants } from "../../../src/mutants/catalog";
import { checkFaithful, scoreMutant } from "../../../src/mutants/scoreMutants";
import { allScenarios } from "../../../suites";
import { profile } from "../../support/profiles";

describe("the mutant corpus", () => {
  it.each(mutants.map((m) => [m.name, m] as const))(
    "%s is caught by exactly the rows it declares, and its scenarios",
    async (_name, mutant) => {
      const score = await scoreMutant(await profile("huawei-ims"), defaultRunSettings, mutant);
      expect(score.missing).toEqual([]);
      expect(score.failingRows).toEqual([...mutant.rows].sort((a, b) => a - b));
    },
  );

  it("has at least 20 mutants with unique names, declaring only real scenarios", () => {
    expect(mutants.length).toBeGreaterThanOrEqual(20);
    expect(new Set(mutants.map((m) => m.name)).size).toBe(mutants.length);
    const ids = new Set(allScenarios.map((s) => s.id));
    for (const m of mutants) for (const s of m.scenarios) expect(ids.has(s)).toBe(true);
  });

  it("covers every documented huawei-ims status and every property", async () => {
    const p = await profile("huawei-ims");
    const rows = new Set(mutants.flatMap((m) => m.rows));
    expect(p.documentedStatuses.filter((s) => !rows.has(s))).toEqual([]);
    const declared = new Set(mutants.flatMap((m) => m.scenarios));
    const properties = allScenarios.filter((s) => s.kind === "property" && s.appliesTo(p)).map((s) => s.id);
    expect(properties.filter((id) => !declared.has(id))).toEqual([]);
  });
});

describe("no false alarms", () => {
  it("the faithful reference is conformant under 20 different seeds", async () => {
    const p = await profile("huawei-ims");
    for (let seed = 1; seed <= 20; seed++) {
      const check = await checkFaithful(p, { ...defaultRunSettings, seed: seed * 7919, runs: 25 });
      expect({ seed, ...check }).toEqual({ seed, verdict: "conformant", failingScenarios: [] });
    }
  });
});

describe("the README's mutant table", () => {
  it("lists every mutant with its defect and rows", () => {
    // Prettier pads table cells; compare with runs of spaces folded.
    const readme = readFileSync(join(packageRoot, "README.md"), "utf8").replace(/ +/g, " ");
    for (const m of mutants) {
      const rows = m.rows.length === 0 ? "none (extended tier)" : m.rows.join(", ");
      expect(readme).toContain(`| \`${m.name}\` | ${m.defect} | ${rows} |`);
    }
  });
});
