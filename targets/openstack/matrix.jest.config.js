/**
 * npm run test:glance:matrix: the release matrix (releaseMatrix.matrix.ts), which brings each release up and down
 * itself; ITC_GLANCE_MATRIX chooses the rows (support/matrixGroups.ts).
 */
module.exports = {
  rootDir: "../..",
  testEnvironment: "node",
  roots: ["<rootDir>/targets/openstack"],
  testMatch: ["**/*.matrix.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] },
  // One up per group: a debootstrap chroot and its packages take minutes on a new machine.
  testTimeout: 3600000,
};
