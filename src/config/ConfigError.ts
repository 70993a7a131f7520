/** Codes of configuration and usage errors; the CLI maps every one of them to exit code 2. */
export type ConfigErrorCode =
  | "usage"
  | "bad-target"
  | "missing-token"
  | "token-without-target"
  | "bad-profile"
  | "bad-option"
  | "token-rejected";

/** Bad input found while resolving configuration: a one-line message, never a stack trace. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly code: ConfigErrorCode,
    message: string,
  ) {
    super(message);
  }
}
