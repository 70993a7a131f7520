import type { ParseArgsConfig } from "node:util";
import { options as cleanupOptions } from "./cleanupCommand";
import { options as diffOptions } from "./diffCommand";
import { options as mergeOptions } from "./mergeCommand";
import { options as mutantsOptions } from "./mutantsCommand";
import { runOptions } from "./runOptions";
import { options as serveOptions } from "./serveCommand";
import { options as verifyReportOptions } from "./verifyReportCommand";

/** How a command reads its command line: its parseArgs options, and whether it takes operands (files, a folder). */
export interface CommandSyntax {
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  readonly operands: boolean;
}

const syntaxes: Readonly<Record<string, CommandSyntax>> = {
  run: { options: runOptions, operands: false },
  "verify-contracts": { options: runOptions, operands: false },
  serve: { options: serveOptions, operands: false },
  mutants: { options: mutantsOptions, operands: false },
  cleanup: { options: cleanupOptions, operands: false },
  diff: { options: diffOptions, operands: true },
  merge: { options: mergeOptions, operands: true },
  "verify-report": { options: verifyReportOptions, operands: true },
};

/**
 * The options a command's own parseArgs call takes (the same objects, not a copy): for "did you mean" after a
 * mistyped option, and for the test that checks every documented command. This module loads every command, so
 * main imports it only once a command line was refused.
 */
export function commandSyntax(command: string): CommandSyntax | undefined {
  return Object.hasOwn(syntaxes, command) ? syntaxes[command] : undefined;
}
