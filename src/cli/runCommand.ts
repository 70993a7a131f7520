import { parseArgs } from "node:util";
import { contractScenarios } from "../../contracts/verify/contractScenarios";
import { buildReport } from "../../reports/buildReport";
import { readSigningKey } from "../attest/readKeys";
import { signRun } from "../attest/signRun";
import { keystoneTarget } from "../auth/keystoneTarget";
import { osOptionNames, type OsOptionName, type OsOptions } from "../auth/resolveKeystoneIdentity";
import { suiteScenarios } from "../../suites";
import { ConfigError } from "../config/ConfigError";
import { writeReports } from "../../reports/writeReports";
import type { RunConfig } from "../config/RunConfig";
import { resolveRunConfig } from "../config/resolveRunConfig";
import { runSuite } from "../engine/runSuite";
import { startEmbeddedTarget, type EmbeddedTarget } from "../engine/startEmbeddedTarget";
import type { Target } from "../engine/Target";
import { verdictOf } from "../engine/verdictOf";
import { redactorFor } from "../engine/redactorFor";
import { loadProfile } from "../profile/loadProfile";
import { withoutFlags } from "../profile/tagFlags";
import { commandLine } from "./commandLine";
import { ExitCode, exitCodeOf } from "./exitCodes";
import { runHelp } from "./help";
import { makeRunId } from "./makeRunId";
import { Progress } from "./Progress";
import { summary } from "./summary";

const osOptions = Object.fromEntries(
  osOptionNames.flatMap((n) => [
    [`os-${n}`, { type: "string" }],
    [`alt-os-${n}`, { type: "string" }],
  ]),
) as Record<`os-${OsOptionName}` | `alt-os-${OsOptionName}`, { type: "string" }>;

/** The --os-* (or --alt-os-*) values, keyed by their names without the prefix. */
function pick(values: Readonly<Record<string, unknown>>, prefix: string): OsOptions {
  const out: Partial<Record<OsOptionName, string>> = {};
  for (const n of osOptionNames) {
    const v = values[`${prefix}${n}`];
    if (typeof v === "string") out[n] = v;
  }
  return out;
}

const options = {
  ...osOptions,
  target: { type: "string" },
  token: { type: "string" },
  "alt-token": { type: "string" },
  "alt-project-id": { type: "string" },
  profile: { type: "string" },
  out: { type: "string" },
  timeout: { type: "string" },
  quiet: { type: "boolean" },
  seed: { type: "string" },
  runs: { type: "string" },
  "time-budget": { type: "string" },
  lenient: { type: "boolean" },
  strict: { type: "boolean" },
  only: { type: "string" },
  "replay-path": { type: "string" },
  concurrency: { type: "string" },
  rate: { type: "string" },
  "product-name": { type: "string" },
  "product-version": { type: "string" },
  vendor: { type: "string" },
  sign: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function liveTarget(config: RunConfig): Target | undefined {
  const t = config.target;
  if (t.kind !== "live") return undefined;
  return {
    kind: "live",
    baseUrl: t.url,
    label: t.url,
    credentials: { owner: t.token, alt: t.altToken },
    altProjectId: t.altProjectId,
    faults: undefined,
  };
}

/** Ctrl-C (or SIGTERM) once: stop sending, clean up, write the report. Twice: quit now. */
function trapSignals(controller: AbortController, runId: string): () => void {
  const onSignal = (): void => {
    if (!controller.signal.aborted) {
      console.error(
        "\nstopping: cleaning up scratch images, then writing the report (press Ctrl-C again to quit at once)",
      );
      controller.abort();
      return;
    }
    console.error(`quitting without cleanup: scratch images named itc-${runId}-* may remain on the target`);
    process.exit(ExitCode.aborted);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
}

/** `run`: resolves configuration, runs the suite, writes the reports, prints the summary; returns the exit code. */
export async function runCommand(
  argv: readonly string[],
  mode: "all" | "contracts" = "all",
): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  if (values.help === true) {
    console.log(runHelp);
    return ExitCode.conformant;
  }
  const config = resolveRunConfig(
    { ...values, os: pick(values, "os-"), altOs: pick(values, "alt-os-") },
    process.env,
    process.stderr.isTTY,
  );
  for (const note of config.notes) console.error(`note: ${note}`);
  const signingKey = values.sign === undefined ? undefined : readSigningKey(values.sign);
  const loaded = await loadProfile(config.profile);
  const profile = config.settings.strict ? withoutFlags(loaded) : loaded;
  const contracts = contractScenarios(profile);
  const scenarios = mode === "contracts" ? contracts : [...suiteScenarios(profile), ...contracts];
  if (scenarios.length === 0)
    throw new ConfigError("bad-profile", `no pact file for profile ${profile.id}: nothing to verify`);
  const applicable = new Set(scenarios.filter((s) => s.appliesTo(profile)).map((s) => s.id));
  const unknown = (config.settings.only ?? []).filter((id) => !applicable.has(id));
  if (unknown.length > 0)
    throw new ConfigError(
      "bad-option",
      `--only: no scenario ${unknown.join(", ")} applies to profile ${profile.id}${config.settings.strict ? " with --strict (which drops the flagged ones)" : ""}; its scenarios: ${[...applicable].join(", ")}`,
    );
  const runId = makeRunId();
  const controller = new AbortController();
  const untrap = trapSignals(controller, runId);
  const progress = new Progress(config.progress);
  let embedded: EmbeddedTarget | undefined;
  try {
    embedded = config.target.kind === "embedded" ? await startEmbeddedTarget(profile) : undefined;
    const target =
      embedded?.target ??
      (config.target.kind === "keystone" ? await keystoneTarget(config.target) : liveTarget(config));
    if (target === undefined) throw new Error("no target");
    const run = await runSuite({
      scenarios,
      profile,
      target,
      runId,
      signal: controller.signal,
      timeoutMs: config.timeoutMs,
      rate: config.rate,
      settings: config.settings,
      replayCommand: (scenarioId, path) => commandLine(config, { scenarioId, path }),
      onEvent: (e) => {
        progress.handle(e);
      },
    });
    progress.finish();
    const exitCode = exitCodeOf(run, verdictOf(run));
    const report = buildReport(run, {
      command: commandLine(config),
      exitCode,
      settings: config.settings,
      ...(config.product === undefined ? {} : { product: config.product }),
    });
    const files = writeReports(report, config.outDir, redactorFor(target));
    console.log(summary(report, files));
    if (signingKey !== undefined)
      console.log(`attestation: ${signRun({ files, profilePath: profile.source, key: signingKey })}`);
    return exitCode;
  } finally {
    untrap();
    await embedded?.close();
  }
}
