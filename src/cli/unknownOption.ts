import { ConfigError } from "../config/ConfigError";
import { commandSyntax } from "./commandOptions";
import { didYouMean } from "./didYouMean";

/**
 * node:util parseArgs refuses an unknown option with a long message about positionals; the user gets one line
 * naming the option and, for a long option close to a known one (--os-clod), that one. undefined for any other
 * error.
 */
export function explainUnknownOption(error: unknown, command: string): ConfigError | undefined {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return undefined;
  const typed = /Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (typed === undefined) return undefined;
  const syntax = commandSyntax(command);
  const known = Object.keys(syntax?.options ?? {}).map((name) => `--${name}`);
  const guess = typed.startsWith("--") ? didYouMean(typed, [...known, "--help"]) : undefined;
  return new ConfigError(
    "bad-option",
    `unknown option ${typed} for ${command}${guess === undefined ? "" : `: did you mean ${guess}?`}`,
  );
}
