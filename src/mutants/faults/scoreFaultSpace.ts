import { inputSpace } from "../../../generators/space/inputSpace";
import type { RunResult } from "../../engine/RunResult";
import type { RunSettings } from "../../engine/RunSettings";
import type { Verdict } from "../../engine/verdict";
import { verdictOf } from "../../engine/verdictOf";
import type { BuiltinProfileName } from "../../profile/builtinProfiles";
import type { Profile } from "../../profile/Profile";
import { defaultBehaviour } from "../../reference/defaultBehaviour";
import { runAgainstReference } from "../scoreMutants";
import { drawFaults, type FaultSource } from "./drawFaults";
import type { Fault } from "./Fault";
import { faultBehaviour } from "./faultBehaviour";

export interface FaultResult {
  readonly fault: Fault;
  readonly verdict: Verdict;
  /** The verdict is non-conformant: the suite refused to certify the broken reference. */
  readonly caught: boolean;
  readonly failing: readonly string[];
  readonly requests: number;
}

/** The levels the faithful reference kept the suite from using (the capabilities every judge reports). */
function unavailableOf(run: RunResult): Set<string> {
  for (const r of run.results) {
    const u = r.property?.coverage?.unavailable;
    if (u !== undefined) return new Set(Object.keys(u));
  }
  return new Set();
}

/** The faithful reference's verdict under each profile: a fault's verdict means something only beside a pass. */
export interface FaithfulResult {
  readonly profile: BuiltinProfileName;
  readonly verdict: Verdict;
}

/**
 * The generated fault space: N faults drawn from the model of each built-in profile, each injected into the
 * reference on its own, the default suite run against it. A fault is caught when the verdict is non-conformant;
 * that counts only where the faithful reference, run the same way, is conformant (the caller checks `faithful`).
 */
export async function scoreFaultSpace(
  profiles: ReadonlyMap<BuiltinProfileName, Profile>,
  n: number,
  seed: number,
  settings: RunSettings,
  onResult: (r: FaultResult) => void,
): Promise<{ readonly faithful: readonly FaithfulResult[]; readonly results: readonly FaultResult[] }> {
  const sources: FaultSource[] = [];
  const faithfulResults: FaithfulResult[] = [];
  for (const [name, profile] of profiles) {
    const faithful = await runAgainstReference(profile, settings, defaultBehaviour, "fault-space-faithful");
    faithfulResults.push({ profile: name, verdict: verdictOf(faithful) });
    sources.push({ profile: name, space: inputSpace(profile), unavailable: unavailableOf(faithful) });
  }
  const results: FaultResult[] = [];
  for (const fault of drawFaults(n, seed, sources)) {
    const profile = profiles.get(fault.profile);
    if (profile === undefined) continue;
    const run = await runAgainstReference(
      profile,
      settings,
      faultBehaviour(defaultBehaviour, fault, profile),
      `fault-${fault.index}`,
    );
    const verdict = verdictOf(run);
    const failing = run.results
      .filter((r) => r.outcome === "fail" || r.breaches.length > 0)
      .map((r) => r.scenario.id);
    const result = {
      fault,
      verdict,
      caught: verdict === "non-conformant",
      failing,
      requests: run.stats.requests,
    };
    results.push(result);
    onResult(result);
  }
  return { faithful: faithfulResults, results };
}
