import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { defaultRunSettings } from "../engine/RunSettings";
import { mutants } from "../mutants/catalog";
import { checkFaithful, scoreMutant } from "../mutants/scoreMutants";
import { loadProfile } from "../profile/loadProfile";
import { ExitCode } from "./exitCodes";

const options = { seed: { type: "string" }, help: { type: "boolean", short: "h" } } as const;

export const mutantsHelp = `Usage: image-tag-conformance mutants [--seed <n>]

Runs the whole suite (huawei-ims, embedded reference with its fault plan) against the faithful reference
and against every deliberately broken variant; prints one line per mutant and "mutation score C/T".
Exit 0 when every mutant is caught and the faithful reference is conformant, 1 otherwise.
`;

/** `mutants`: the suite's sensitivity, measured on the corpus of broken variants. */
export async function mutantsCommand(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  if (values.help === true) {
    console.log(mutantsHelp);
    return ExitCode.conformant;
  }
  const seed = values.seed === undefined ? defaultRunSettings.seed : Number(values.seed);
  const settings = { ...defaultRunSettings, seed };
  const profile = await loadProfile("huawei-ims");
  const started = performance.now();
  const faithful = await checkFaithful(profile, settings);
  const faithfulOk = faithful.verdict === "conformant";
  console.log(
    `faithful reference: ${faithful.verdict}${faithfulOk ? "" : ` (FALSE ALARM: ${faithful.failingScenarios.join(", ")})`}`,
  );
  let caught = 0;
  for (const mutant of mutants) {
    const score = await scoreMutant(profile, settings, mutant);
    if (score.caught) caught += 1;
    const rows = score.failingRows.length === 0 ? "no row" : `rows ${score.failingRows.join(" ")}`;
    const by = `${rows}; ${score.failingScenarios.length} scenarios failed`;
    console.log(
      `${score.caught ? "caught" : "MISSED"}  ${mutant.name.padEnd(22)} ${by}${score.caught ? "" : `; expected to fail but did not: ${score.missing.join(", ")}`}`,
    );
  }
  console.log(`seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`mutation score ${caught}/${mutants.length}`);
  return faithfulOk && caught === mutants.length ? ExitCode.conformant : ExitCode.nonConformant;
}
