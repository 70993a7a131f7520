/** npm run test:glance: the suite against a real Glance and Keystone that targets/openstack brings up. */
module.exports = {
  rootDir: "../..",
  testEnvironment: "node",
  roots: ["<rootDir>/targets/openstack"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  // Keystone and Glance come up once for every test file (plus the install on a new machine), and go down after.
  globalSetup: "<rootDir>/targets/openstack/support/globalSetup.ts",
  globalTeardown: "<rootDir>/targets/openstack/support/globalTeardown.ts",
  testTimeout: 900000,
};
