/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/contracts"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  // A guard against hangs, not a speed assertion: e2e tests spawn the CLI against whole suites.
  testTimeout: 120000,
  setupFiles: ["<rootDir>/test/support/isolatedState.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/support/removeTestState.ts"],
};
