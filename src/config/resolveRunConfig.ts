import { defaultProfileName } from "../profile/builtinProfiles";
import { ConfigError } from "./ConfigError";
import { parseTarget } from "./parseTarget";
import type { RunConfig } from "./RunConfig";

/** The run command's options as parsed from the command line. */
export interface RunOptionsInput {
  readonly target?: string;
  readonly token?: string;
  readonly "alt-token"?: string;
  readonly "alt-project-id"?: string;
  readonly profile?: string;
  readonly out?: string;
  readonly timeout?: string;
  readonly quiet?: boolean;
}

const minTokenLength = 8;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function timeoutOf(raw: string | undefined): number {
  if (raw === undefined) return 30000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new ConfigError(
      "bad-option",
      `--timeout must be a number of seconds between 0 and 3600, not "${raw}"`,
    );
  }
  return Math.round(seconds * 1000);
}

/** Resolves options and environment into a complete RunConfig, or throws a ConfigError at once. */
export function resolveRunConfig(input: RunOptionsInput, env: NodeJS.ProcessEnv, isTty: boolean): RunConfig {
  const notes: string[] = [];
  const token = nonEmpty(input.token) ?? nonEmpty(env["ITC_TOKEN"]);
  const altToken = nonEmpty(input["alt-token"]) ?? nonEmpty(env["ITC_ALT_TOKEN"]);
  if (input.token !== undefined || input["alt-token"] !== undefined) {
    notes.push("tokens given as options show in the process list; prefer ITC_TOKEN and ITC_ALT_TOKEN");
  }
  let target: RunConfig["target"];
  if (input.target === undefined) {
    if (
      input.token !== undefined ||
      input["alt-token"] !== undefined ||
      input["alt-project-id"] !== undefined
    ) {
      throw new ConfigError(
        "token-without-target",
        "--token, --alt-token and --alt-project-id need --target (the embedded reference makes its own tokens)",
      );
    }
    if (token !== undefined || altToken !== undefined)
      notes.push("ITC_TOKEN / ITC_ALT_TOKEN are ignored without --target");
    target = { kind: "embedded" };
  } else {
    const url = parseTarget(input.target);
    if (token === undefined)
      throw new ConfigError("missing-token", "--target needs a token: set ITC_TOKEN (or pass --token)");
    // Secrets are redacted by value wherever they appear; a very short one would match ordinary text.
    for (const [name, value] of [
      ["token", token],
      ["alt token", altToken],
    ] as const) {
      if (value !== undefined && value.length < minTokenLength) {
        throw new ConfigError(
          "bad-option",
          `the ${name} is shorter than ${minTokenLength} characters: that is no real token, and it could not be redacted reliably`,
        );
      }
    }
    if (altToken !== undefined && altToken === token)
      throw new ConfigError(
        "bad-option",
        "the alt token must belong to another user in another project, not be the owner's token",
      );
    target = { kind: "live", url, token, altToken, altProjectId: nonEmpty(input["alt-project-id"]) };
  }
  return {
    profile: nonEmpty(input.profile) ?? defaultProfileName,
    target,
    outDir: nonEmpty(input.out) ?? "reports/latest",
    timeoutMs: timeoutOf(input.timeout),
    progress: input.quiet === true ? "none" : isTty ? "live" : "plain",
    notes,
  };
}
