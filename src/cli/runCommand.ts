import { parseArgs } from "node:util";
import { contractScenarios } from "../../contracts/verify/contractScenarios";
import { buildReport } from "../../reports/buildReport";
import { readSigningKey } from "../attest/readKeys";
import { signRun } from "../attest/signRun";
import { writeReports } from "../../reports/writeReports";
import { suiteScenarios } from "../../suites";
import { keystoneTarget } from "../auth/keystoneTarget";
import { ConfigError } from "../config/ConfigError";
import type { RunConfig } from "../config/RunConfig";
import { resolveRunConfig } from "../config/resolveRunConfig";
import { redactorFor } from "../engine/redactorFor";
import { runSuite } from "../engine/runSuite";
import { startEmbeddedTarget, type EmbeddedTarget } from "../reference/startEmbeddedTarget";
import type { Target } from "../engine/Target";
import { verdictOf } from "../engine/verdictOf";
import { Agents } from "../http/Agents";
import { loadProfile } from "../profile/loadProfile";
import { withoutFlags } from "../profile/tagFlags";
import { commandLine } from "./commandLine";
import { rateFor } from "./defaultRate";
import { ExitCode, exitCodeOf } from "./exitCodes";
import { guardOutDir } from "./guardOutDir";
import { runHelp } from "./help";
import { makeRunId } from "./makeRunId";
import { Progress } from "./Progress";
import { pick, runOptions } from "./runOptions";
import { summary } from "./summary";
import { publishToGitHub } from "./ci/publishToGitHub";
import { writeHar } from "./writeHar";
import { recordDir, RunRecorder } from "./runRecord";
import { runScratchName } from "../engine/scratchNames";

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

/** Ctrl-C (or SIGTERM) once: stop at once, clean up, write the report. Twice: quit now, saying what may remain. */
function trapSignals(controller: AbortController, runId: string): () => void {
  const onSignal = (): void => {
    if (!controller.signal.aborted) {
      console.error(
        "\nstopping: cleaning up scratch images, then writing the report (press Ctrl-C again to quit at once)",
      );
      controller.abort();
      return;
    }
    console.error(
      `quitting without cleanup: scratch images of run ${runId} may remain (their names are recorded in ${recordDir()}); remove them with: image-tag-conformance cleanup --run-id ${runId} --yes (and the run's --target / credentials)`,
    );
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
  const { values } = parseArgs({
    args: [...argv],
    options: runOptions,
    strict: true,
    allowPositionals: false,
  });
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
  guardOutDir(config.outDir, values.force === true);
  const signingKey = values.sign === undefined ? undefined : readSigningKey(values.sign);
  // Keystone's tokens are fetched while the profile loads: two round trips to a slow service, overlapped.
  const keystone =
    config.target.kind === "keystone"
      ? keystoneTarget(config.target, new Agents(config.tls), config.timeoutMs)
      : undefined;
  keystone?.catch(() => undefined);
  const loaded = await loadProfile(config.profile);
  const profile = config.settings.strict ? withoutFlags(loaded) : loaded;
  const contracts = contractScenarios(profile);
  const scenarios = mode === "contracts" ? contracts : [...suiteScenarios(profile), ...contracts];
  if (scenarios.length === 0)
    throw new ConfigError("bad-profile", `no pact file for profile ${profile.id}: nothing to verify`);
  const applicable = new Set(scenarios.filter((s) => s.appliesTo(profile)).map((s) => s.id));
  for (const [option, ids] of [
    ["--only", config.settings.only],
    ["--exclude", config.settings.exclude],
  ] as const) {
    const unknown = (ids ?? []).filter((id) => !applicable.has(id));
    if (unknown.length > 0)
      throw new ConfigError(
        "bad-option",
        `${option}: no scenario ${unknown.join(", ")} applies to profile ${profile.id}${config.settings.strict ? " with --strict (which drops the flagged ones)" : ""}; its scenarios: ${[...applicable].join(", ")}`,
      );
  }
  const runId = makeRunId();
  const controller = new AbortController();
  const untrap = trapSignals(controller, runId);
  let embedded: EmbeddedTarget | undefined;
  try {
    embedded = config.target.kind === "embedded" ? await startEmbeddedTarget(profile) : undefined;
    const target = embedded?.target ?? (keystone === undefined ? liveTarget(config) : await keystone);
    if (target === undefined) throw new Error("no target");
    const scratchName = runScratchName(config.namePrefix, config.settings.seed, runId);
    // The embedded reference keeps nothing: only a run against a live target keeps a record for cleanup.
    const recorder = new RunRecorder(
      { runId, startedAt: new Date().toISOString(), target: target.label },
      (text) => {
        console.error(`note: ${text}`);
      },
      target.kind === "live",
    );
    if (config.progress !== "none" && target.kind === "live")
      console.error(
        `run ${runId}: scratch images are named ${scratchName} (or ${scratchName}-…); recorded in ${recordDir()} for cleanup`,
      );
    const redactor = redactorFor(target);
    const progress = new Progress(config.progress, redactor);
    // The rate shapes what a run can see (parallel requests): the reproduce and replay commands give it.
    const rate = rateFor(config.rate, target.baseUrl);
    const userAgent =
      config.userAgent === undefined ? "" : ` --user-agent '${config.userAgent.replace(/'/g, "'\\''")}'`;
    const reproduce = (replay?: { scenarioId: string; path: string }): string =>
      `${commandLine(config, replay)}${target.kind === "live" ? ` --rate ${rate}` : ""}${userAgent}`;
    const run = await runSuite({
      scenarios,
      profile,
      target,
      runId,
      signal: controller.signal,
      timeoutMs: config.timeoutMs,
      rate,
      ...(config.userAgent === undefined ? {} : { userAgent: config.userAgent }),
      tls: config.tls,
      redactor,
      settings: config.settings,
      keepExchanges: values.har !== undefined,
      namePrefix: config.namePrefix,
      onScratchName: (name) => {
        recorder.add(name);
      },
      ...(mode === "contracts" ? { partial: "only the Pact contracts (verify-contracts)" } : {}),
      replayCommand: (scenarioId, path) => reproduce({ scenarioId, path }),
      onEvent: (e) => {
        progress.handle(e);
      },
    });
    progress.finish();
    // Everything the run created is gone: its record has nothing left for a cleanup to find.
    if (run.cleanup.leftBehind.length === 0 && run.cleanup.unverified.length === 0) recorder.done();
    const exitCode = exitCodeOf(run, verdictOf(run));
    const built = buildReport(run, {
      command: reproduce(),
      exitCode,
      settings: config.settings,
      scenarios,
      rate,
      ...(config.product === undefined ? {} : { product: config.product }),
    });
    // Renewed tokens were added to the run's redactor as they came: the report is redacted with all of them.
    const { report, files } = writeReports(built, config.outDir, redactor);
    if (values.har !== undefined) writeHar(values.har, run, redactor);
    if (exitCode === ExitCode.usage && run.aborted !== undefined) {
      console.error(`image-tag-conformance: ${redactor.redact(run.aborted.message)} (report: ${files.json})`);
      return exitCode;
    }
    // In GitHub Actions, target text in the summary (a reason, a counterexample) must not be read as a command.
    const guard = process.env["GITHUB_ACTIONS"] === "true" ? `itc-${runId}` : undefined;
    if (guard !== undefined) console.log(`::stop-commands::${guard}`);
    console.log(summary(report, files));
    if (guard !== undefined) console.log(`::${guard}::`);
    publishToGitHub(report);
    if (signingKey !== undefined)
      console.log(`attestation: ${signRun({ files, profilePath: profile.source, key: signingKey })}`);
    return exitCode;
  } finally {
    untrap();
    await embedded?.close();
  }
}
