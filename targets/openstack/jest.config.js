/** npm run test:glance: the suite against a real Glance and Keystone that targets/openstack brings up. */
module.exports = {
  rootDir: "../..",
  testEnvironment: "node",
  roots: ["<rootDir>/targets/openstack"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  // Bringing Keystone and Glance up takes about a minute (plus the install on a new machine).
  testTimeout: 900000,
};
