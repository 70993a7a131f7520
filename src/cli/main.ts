#!/usr/bin/env node
import { commandNames } from "./commandNames";
import { didYouMean } from "./didYouMean";
import { mainHelp, runHelp, serveHelp, verifyContractsHelp, verifyReportHelp } from "./help";

/** Prints one line for bad input (exit 2), an unreachable service or an internal error (exit 3); a stack only with ITC_DEBUG=1. */
function reportError(error: unknown): number {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code;
  // A TLS set-up failure (towards Keystone, before any run) is the user's configuration too.
  const tls = e.name === "TransportError" && (e as { tls?: unknown }).tls === true;
  const usage =
    tls || e.name === "ConfigError" || (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS"));
  // A transport error before the run (Keystone unreachable) is the environment, not a bug: exit 3, no "internal".
  const label = usage || e.name === "TransportError" ? "" : "internal error: ";
  console.error(`image-tag-conformance: ${label}${e.message}${usage && !tls ? " (see --help)" : ""}`);
  if (process.env["ITC_DEBUG"] === "1") console.error(e.stack);
  return usage ? 2 : 3;
}

async function dispatch(command: string, rest: readonly string[]): Promise<number> {
  // Heavy modules load only for the command that needs them, so --help answers at once.
  const wantsHelp = rest.includes("--help") || rest.includes("-h");
  if (wantsHelp && command === "run") {
    console.log(runHelp);
    return 0;
  }
  if (wantsHelp && command === "verify-contracts") {
    console.log(verifyContractsHelp);
    return 0;
  }
  if (wantsHelp && command === "serve") {
    console.log(serveHelp((await import("../mutants/catalog.js")).mutants.map((m) => m.name)));
    return 0;
  }
  if (wantsHelp && command === "verify-report") {
    console.log(verifyReportHelp);
    return 0;
  }
  if (command === "run") return (await import("./runCommand.js")).runCommand(rest);
  if (command === "serve") return (await import("./serveCommand.js")).serveCommand(rest);
  if (command === "verify-contracts") return (await import("./runCommand.js")).runCommand(rest, "contracts");
  if (command === "mutants") return (await import("./mutantsCommand.js")).mutantsCommand(rest);
  if (command === "cleanup") return (await import("./cleanupCommand.js")).cleanupCommand(rest);
  if (command === "diff") return (await import("./diffCommand.js")).diffCommand(rest);
  if (command === "merge") return (await import("./mergeCommand.js")).mergeCommand(rest);
  if (command === "verify-report")
    return (await import("./verifyReportCommand.js")).verifyReportCommand(rest);
  const guess = didYouMean(command, commandNames);
  console.error(
    `image-tag-conformance: unknown command "${command}"${guess === undefined ? "" : ` (did you mean ${guess}?)`} (commands: ${commandNames.join(", ")}; see --help)`,
  );
  return 2;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    console.log(mainHelp);
    return 0;
  }
  if (command === "--version" || command === "-v") {
    console.log((await import("../util/suiteVersion.js")).suiteVersion);
    return 0;
  }
  try {
    return await dispatch(command, rest);
  } catch (error) {
    // A mistyped option gets one line naming it, with the command's closest option (--os-clod: --os-cloud).
    throw (await import("./unknownOption.js")).explainUnknownOption(error, command) ?? error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportError(error);
  },
);
