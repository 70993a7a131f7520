import type { RunConfig } from "../config/RunConfig";
import { defaultRunSettings } from "../engine/RunSettings";

const quote = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);

/** Where a reproduction writes: beside the run's own folder, named after it (reports/latest-reproduce). */
export function freshOutDir(outDir: string): string {
  const base = outDir.replace(/[\\/]+$/, "");
  return base === "" || base === "." || base === ".." ? "itc-reproduce" : `${base}-reproduce`;
}

/**
 * The command that reproduces a run (its seed included); tokens appear only as environment placeholders.
 * With a scenario and a fast-check path, it replays exactly that one failing case.
 */
export function commandLine(
  config: RunConfig,
  replay?: { readonly scenarioId: string; readonly path: string },
): string {
  const parts = [
    "image-tag-conformance",
    "run",
    "--profile",
    quote(config.profile),
    "--seed",
    String(config.settings.seed),
  ];
  const s = config.settings;
  if (s.runs !== defaultRunSettings.runs) parts.push("--runs", String(s.runs));
  if (s.lenient) parts.push("--lenient");
  if (s.strict) parts.push("--strict");
  if (s.concurrency !== defaultRunSettings.concurrency) parts.push("--concurrency", String(s.concurrency));
  if (s.timeBudgetMs !== undefined) parts.push("--time-budget", String(s.timeBudgetMs / 1000));
  if (replay !== undefined) parts.push("--only", quote(replay.scenarioId), "--replay-path", replay.path);
  else if (s.only !== undefined) parts.push("--only", quote(s.only.join(",")));
  if (s.exclude !== undefined && replay === undefined) parts.push("--exclude", quote(s.exclude.join(",")));
  let env = "";
  if (config.target.kind === "live") {
    parts.push("--target", quote(config.target.url));
    if (config.target.altProjectId !== undefined)
      parts.push("--alt-project-id", quote(config.target.altProjectId));
    env = `ITC_TOKEN=<token>${config.target.altToken === undefined ? "" : " ITC_ALT_TOKEN=<alt-token>"} `;
  }
  if (config.target.kind === "keystone") {
    const t = config.target;
    if (t.url !== undefined) parts.push("--target", quote(t.url));
    if (t.clouds.owner !== undefined) parts.push("--os-cloud", quote(t.clouds.owner));
    else parts.push("--os-auth-url", quote(t.owner.authUrl));
    if (t.clouds.alt !== undefined) parts.push("--alt-os-cloud", quote(t.clouds.alt));
    else if (t.alt !== undefined) parts.push("--alt-os-auth-url", quote(t.alt.authUrl));
    // User names and secrets stay in clouds.yaml or OS_* variables: the command names where, not what.
    if (t.clouds.owner === undefined)
      env = "OS_USERNAME=<user> OS_PASSWORD=<password> OS_PROJECT_NAME=<project> ";
  }
  // A fresh folder, never the run's own: running the command must not replace the (perhaps signed) reports.
  if (replay === undefined) parts.push("--out", quote(freshOutDir(config.outDir)));
  return `${env}${parts.join(" ")}`;
}
