import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { defaultRunSettings } from "../engine/RunSettings";
import type { Mutant } from "../mutants/Mutant";
import { mutants } from "../mutants/catalog";
import { checkFaithful, scoreMutant } from "../mutants/scoreMutants";
import { builtinProfileNames, defaultProfileName, type BuiltinProfileName } from "../profile/builtinProfiles";
import { loadProfile } from "../profile/loadProfile";
import type { Profile } from "../profile/Profile";
import { ConfigError } from "../config/ConfigError";
import { ExitCode } from "./exitCodes";

export const options = { seed: { type: "string" }, help: { type: "boolean", short: "h" } } as const;

export const mutantsHelp = `Usage: image-tag-conformance mutants [--seed <n>]

Runs the whole suite (the Pact contracts included; embedded reference with its fault plan) against the faithful
reference of each profile and against every deliberately broken variant. A mutant is caught when the verdict
against it is non-conformant; the mutants only the extended tier can see are scored on their own line.
Prints one line per mutant, "mutation score C/T" and "findings detected n/m".
Exit 0 when every mutant is caught, every finding detected and each faithful reference conformant, 1 otherwise.
`;

/** `mutants`: the suite's sensitivity, measured on the corpus of broken variants. */
export async function mutantsCommand(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  if (values.help === true) {
    console.log(mutantsHelp);
    return ExitCode.conformant;
  }
  const seed = values.seed === undefined ? defaultRunSettings.seed : Number(values.seed);
  if (!Number.isInteger(seed) || Math.abs(seed) > 2 ** 31 - 1)
    throw new ConfigError("bad-option", `--seed must be a whole number, not "${values.seed ?? ""}"`);
  const settings = { ...defaultRunSettings, seed };
  const profiles = new Map<BuiltinProfileName, Profile>();
  for (const name of builtinProfileNames) profiles.set(name, await loadProfile(name));
  const profileOf = (m: Mutant): Profile => profiles.get(m.profile ?? defaultProfileName) as Profile;
  const started = performance.now();
  let faithfulOk = true;
  for (const [name, profile] of profiles) {
    const faithful = await checkFaithful(profile, settings);
    const ok = faithful.verdict === "conformant";
    faithfulOk &&= ok;
    console.log(
      `faithful reference (${name}): ${faithful.verdict}${ok ? "" : ` (FALSE ALARM: ${faithful.failingScenarios.join(", ")})`}`,
    );
  }
  const tally = { core: { caught: 0, total: 0 }, finding: { caught: 0, total: 0 } };
  let requests = 0;
  for (const mutant of mutants) {
    const score = await scoreMutant(profileOf(mutant), settings, mutant);
    const kind = (mutant.expects ?? "non-conformant") === "finding" ? tally.finding : tally.core;
    kind.total += 1;
    if (score.caught) kind.caught += 1;
    requests += score.requests;
    const rows = score.failingRows.length === 0 ? "no row" : `rows ${score.failingRows.join(" ")}`;
    const what = mutant.expects === "finding" ? "finding" : score.verdict;
    console.log(
      `${score.caught ? "caught" : "MISSED"}  ${mutant.name.padEnd(24)} ${what}; ${rows}; ${score.failingScenarios.length} scenarios failed; ${score.requests} requests, ${(score.durationMs / 1000).toFixed(1)} s${mutant.profile === undefined ? "" : ` (${mutant.profile})`}`,
    );
  }
  console.log(
    `seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s, ${requests} requests against the mutants`,
  );
  console.log(
    `mutation score ${tally.core.caught}/${tally.core.total} · findings detected ${tally.finding.caught}/${tally.finding.total}`,
  );
  const all = tally.core.caught === tally.core.total && tally.finding.caught === tally.finding.total;
  return faithfulOk && all ? ExitCode.conformant : ExitCode.nonConformant;
}
