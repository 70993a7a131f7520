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
