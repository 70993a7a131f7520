/** npm run test:browser: report.html in Debian's chromium (installed by targets/chromium/install.sh). */
module.exports = {
  rootDir: "../..",
  testEnvironment: "node",
  roots: ["<rootDir>/targets/chromium"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  // Three real runs of the CLI, then the browser; the install adds a minute or two on a new machine.
  testTimeout: 600000,
};
