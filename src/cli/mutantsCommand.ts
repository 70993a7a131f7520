import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { defaultRunSettings } from "../engine/RunSettings";
import { profilesOf } from "../mutants/Mutant";
import { allMutants } from "../mutants/catalog";
import { checkFaithful, scoreMutant } from "../mutants/scoreMutants";
import { builtinProfileNames, type BuiltinProfileName } from "../profile/builtinProfiles";
import { loadProfile } from "../profile/loadProfile";
import type { Profile } from "../profile/Profile";
import { ConfigError } from "../config/ConfigError";
import { ExitCode } from "./exitCodes";
import { wilson } from "../mutants/faults/drawFaults";
import { faultWords } from "../mutants/faults/Fault";
import { scoreFaultSpace } from "../mutants/faults/scoreFaultSpace";

export const options = {
  seed: { type: "string" },
  "fault-space": { type: "string" },
  seeds: { type: "string" },
  only: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export const mutantsHelp = `Usage: image-tag-conformance mutants [--seed <n> | --seeds <from>-<to>]
       image-tag-conformance mutants --fault-space <n> [--seed <n>]

Runs the whole suite (the Pact contracts included; embedded reference with its fault plan) against the faithful
reference of each profile and against every deliberately broken variant. A mutant is caught when the verdict
against it is non-conformant; the mutants only the extended tier can see are scored on their own line.
Prints one line per mutant (and profile it is scored under), "mutation score C/T" and "findings detected n/m";
with --seeds, the whole corpus (or the mutants --only names, comma-separated) under each seed of the range,
and every mutant missed with the seeds it was.
Exit 0 when every mutant is caught, every finding detected and each faithful reference conformant, 1 otherwise.

--fault-space N draws N faults at random from the input-space model of both profiles (--seed seeds the draw):
each a predicate over one or two levels (the tag's length, characters and edges; its presence and near misses
on the image; the tag count; the image; the token; the request; the documented answer) times a misbehaviour (a
5xx, a wrong documented status, a 204 that changes nothing, another tag, image or field changed, a bad token
taken). Each is injected into the reference alone and the default suite run against it (seed 1). Prints
"fault space: C/N caught (P %, 95 % interval L-U)", the single-level faults caught, then every missed fault.
Exit 0 when the faithful reference is conformant under both profiles, at least 99 % are caught and every
single-level fault is, 1 otherwise.
`;

/** `mutants --fault-space N`: the detection rate on faults drawn from the model, none of them hand-picked. */
async function faultSpaceCommand(
  profiles: ReadonlyMap<BuiltinProfileName, Profile>,
  n: number,
  seed: number,
): Promise<number> {
  const started = performance.now();
  let done = 0;
  const { faithful, results } = await scoreFaultSpace(profiles, n, seed, defaultRunSettings, (r) => {
    done += 1;
    if (!r.caught || done % 50 === 0)
      console.error(`${done}/${n}${r.caught ? "" : ` missed: ${faultWords(r.fault)} (${r.verdict})`}`);
  });
  const caught = results.filter((r) => r.caught).length;
  const single = results.filter((r) => r.fault.predicate.length === 1);
  const singleCaught = single.filter((r) => r.caught).length;
  const { low, high } = wilson(caught, results.length);
  const pct = (x: number): string => (100 * x).toFixed(1);
  console.log(
    `fault space: ${caught}/${results.length} caught (${pct(caught / Math.max(1, results.length))} %, 95 % interval ${pct(low)}-${pct(high)} %)`,
  );
  console.log(
    `single-level faults: ${singleCaught}/${single.length} caught; seed ${seed}; ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  for (const r of results.filter((x) => !x.caught))
    console.log(`missed #${r.fault.index}: ${faultWords(r.fault)} (verdict ${r.verdict})`);
  // A false alarm on the faithful reference would make every fault look caught: the score stands only beside it.
  const alarms = faithful.filter((f) => f.verdict !== "conformant");
  for (const f of alarms)
    console.log(`the faithful reference under ${f.profile} is ${f.verdict}: the score above means nothing`);
  const ok = alarms.length === 0 && caught >= 0.99 * results.length && singleCaught === single.length;
  return ok ? ExitCode.conformant : ExitCode.nonConformant;
}

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
  const profiles = new Map<BuiltinProfileName, Profile>();
  for (const name of builtinProfileNames) profiles.set(name, await loadProfile(name));
  if (values["fault-space"] !== undefined) {
    const n = Number(values["fault-space"]);
    if (!Number.isInteger(n) || n < 1 || n > 100_000)
      throw new ConfigError(
        "bad-option",
        `--fault-space must be a whole number from 1 to 100000, not "${values["fault-space"]}"`,
      );
    return faultSpaceCommand(profiles, n, seed);
  }
  const seeds = values.seeds === undefined ? [seed] : seedRange(values.seeds);
  const wanted = values.only
    ?.split(",")
    .map((n) => n.trim())
    .filter((n) => n !== "");
  const unknown = (wanted ?? []).filter((n) => !allMutants.some((m) => m.name === n));
  if (unknown.length > 0)
    throw new ConfigError(
      "bad-option",
      `--only: no mutant ${unknown.join(", ")}; the mutants: ${allMutants.map((m) => m.name).join(", ")}`,
    );
  const chosen = wanted === undefined ? allMutants : allMutants.filter((m) => wanted.includes(m.name));
  const started = performance.now();
  let faithfulOk = true;
  const tally = { core: { caught: 0, total: 0 }, finding: { caught: 0, total: 0 } };
  let requests = 0;
  const missedBySeed = new Map<string, number[]>();
  for (const s of seeds) {
    const settings = { ...defaultRunSettings, seed: s };
    if (seeds.length > 1) console.log(`seed ${s}`);
    for (const [name, profile] of profiles) {
      const faithful = await checkFaithful(profile, settings);
      const ok = faithful.verdict === "conformant";
      faithfulOk &&= ok;
      console.log(
        `faithful reference (${name}): ${faithful.verdict}${ok ? "" : ` (FALSE ALARM: ${faithful.failingScenarios.join(", ")})`}`,
      );
    }
    for (const mutant of chosen)
      for (const name of profilesOf(mutant)) {
        const profile = profiles.get(name);
        if (profile === undefined) continue;
        const score = await scoreMutant(profile, settings, mutant);
        const kind = (mutant.expects ?? "non-conformant") === "finding" ? tally.finding : tally.core;
        kind.total += 1;
        if (score.caught) kind.caught += 1;
        else
          missedBySeed.set(`${mutant.name} (${name})`, [
            ...(missedBySeed.get(`${mutant.name} (${name})`) ?? []),
            s,
          ]);
        requests += score.requests;
        const rows = score.failingRows.length === 0 ? "no row" : `rows ${score.failingRows.join(" ")}`;
        const what = mutant.expects === "finding" ? "finding" : score.verdict;
        console.log(
          `${score.caught ? "caught" : "MISSED"}  ${mutant.name.padEnd(24)} ${what}; ${rows}; ${score.failingScenarios.length} scenarios failed; ${score.requests} requests, ${(score.durationMs / 1000).toFixed(1)} s (${name})`,
        );
      }
  }
  console.log(
    `seed${seeds.length > 1 ? `s ${seeds[0] ?? ""}-${seeds[seeds.length - 1] ?? ""}` : ` ${seed}`}, ${((performance.now() - started) / 1000).toFixed(1)} s, ${requests} requests against the mutants`,
  );
  for (const [m, ss] of missedBySeed) console.log(`missed ${m} with seeds ${ss.join(" ")}`);
  console.log(
    `mutation score ${tally.core.caught}/${tally.core.total} · findings detected ${tally.finding.caught}/${tally.finding.total}`,
  );
  const all = tally.core.caught === tally.core.total && tally.finding.caught === tally.finding.total;
  return faithfulOk && all ? ExitCode.conformant : ExitCode.nonConformant;
}

/** "1-20" or "7": the seeds to score every mutant with. */
function seedRange(text: string): number[] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  const from = Number(m?.[1]);
  const to = Number(m?.[2] ?? m?.[1]);
  if (m === null || to < from || to - from > 1000)
    throw new ConfigError("bad-option", `--seeds must be a seed or a range such as 1-20, not "${text}"`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
