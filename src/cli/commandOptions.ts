import type { ParseArgsConfig } from "node:util";

/** The commands main dispatches, in the order --help lists them. */
export const commandNames = [
  "run",
  "verify-contracts",
  "serve",
  "mutants",
  "cleanup",
  "diff",
  "merge",
  "verify-report",
] as const;

/** How a command reads its command line: its parseArgs options, and whether it takes operands (files, a folder). */
export interface CommandSyntax {
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  readonly operands: boolean;
}

/**
 * The options a command's own parseArgs call takes (the same objects, not a copy), loaded only when asked: for
 * "did you mean" after a mistyped option, and for the test that checks every documented command.
 */
export async function commandSyntax(command: string): Promise<CommandSyntax | undefined> {
  switch (command) {
    case "run":
    case "verify-contracts":
      return { options: (await import("./runOptions.js")).runOptions, operands: false };
    case "serve":
      return { options: (await import("./serveCommand.js")).options, operands: false };
    case "mutants":
      return { options: (await import("./mutantsCommand.js")).options, operands: false };
    case "cleanup":
      return { options: (await import("./cleanupCommand.js")).options, operands: false };
    case "diff":
      return { options: (await import("./diffCommand.js")).options, operands: true };
    case "merge":
      return { options: (await import("./mergeCommand.js")).options, operands: true };
    case "verify-report":
      return { options: (await import("./verifyReportCommand.js")).options, operands: true };
    default:
      return undefined;
  }
}
