import type { RunConfig } from "../config/RunConfig";

const quote = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);

/** The command that reproduces a run; tokens appear only as environment placeholders, never as values. */
export function commandLine(config: RunConfig): string {
  const parts = ["image-tag-conformance", "run", "--profile", quote(config.profile)];
  let env = "";
  if (config.target.kind === "live") {
    parts.push("--target", quote(config.target.url));
    if (config.target.altProjectId !== undefined)
      parts.push("--alt-project-id", quote(config.target.altProjectId));
    env = `ITC_TOKEN=<token>${config.target.altToken === undefined ? "" : " ITC_ALT_TOKEN=<alt token>"} `;
  }
  if (config.outDir !== "reports/latest") parts.push("--out", quote(config.outDir));
  return `${env}${parts.join(" ")}`;
}
