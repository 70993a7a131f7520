import { fullMatrix, matrixGroups } from "./support/matrixGroups";

// Pure: the rows of npm run test:glance:matrix (ITC_GLANCE_MATRIX), no service involved.
describe("matrixGroups (ITC_GLANCE_MATRIX)", () => {
  it("the default is every release on every database, plus sid on PostgreSQL behind TLS", () => {
    expect(matrixGroups(undefined)).toEqual(matrixGroups(fullMatrix));
    expect(matrixGroups("").map((g) => [g.release, g.tls, g.dbs.join(",")])).toEqual([
      ["bookworm", false, "sqlite,mariadb,postgresql"],
      ["trixie", false, "sqlite,mariadb,postgresql"],
      ["sid", false, "sqlite,mariadb,postgresql"],
      ["sid", true, "postgresql"],
    ]);
  });

  it("groups in the order given, one up each", () => {
    expect(matrixGroups(" bookworm:sqlite  sid+tls:mariadb,sqlite ")).toEqual([
      { name: "bookworm:sqlite", release: "bookworm", tls: false, dbs: ["sqlite"] },
      { name: "sid+tls:mariadb,sqlite", release: "sid", tls: true, dbs: ["mariadb", "sqlite"] },
    ]);
  });

  it.each(["buster:sqlite", "sid:mysql", "sid", "sid:", "sid+ssl:sqlite", "sid:sqlite,"])(
    "refuses %s with the expected form",
    (spec) => {
      expect(() => matrixGroups(spec)).toThrow(/is not release\[\+tls\]:db,db/);
    },
  );
});
