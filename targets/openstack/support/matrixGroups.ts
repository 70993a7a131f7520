/** One `openstack-target.sh up` of the release matrix: a release, TLS or not, and the Glance databases measured on it. */
export interface MatrixGroup {
  readonly name: string;
  readonly release: "bookworm" | "trixie" | "sid";
  readonly tls: boolean;
  readonly dbs: readonly ("sqlite" | "mariadb" | "postgresql")[];
}

/** Every release on every database, then the newest release on PostgreSQL behind TLS. */
export const fullMatrix =
  "bookworm:sqlite,mariadb,postgresql trixie:sqlite,mariadb,postgresql sid:sqlite,mariadb,postgresql sid+tls:postgresql";

const releases = new Set(["bookworm", "trixie", "sid"]);
const databases = new Set(["sqlite", "mariadb", "postgresql"]);

/**
 * ITC_GLANCE_MATRIX: groups separated by spaces, each `release[+tls]:db,db...` (releases bookworm, trixie, sid;
 * databases sqlite, mariadb, postgresql), run in that order, one up and down each. Default: fullMatrix.
 */
export function matrixGroups(spec: string | undefined): MatrixGroup[] {
  const text = spec === undefined || spec.trim() === "" ? fullMatrix : spec;
  return text
    .trim()
    .split(/\s+/)
    .map((group) => {
      const m = /^([a-z]+)(\+tls)?:([a-z,]+)$/.exec(group);
      const release = m?.[1] ?? "";
      const dbs = (m?.[3] ?? "").split(",");
      if (m === null || !releases.has(release) || dbs.some((d) => !databases.has(d)))
        throw new Error(
          `ITC_GLANCE_MATRIX: '${group}' is not release[+tls]:db,db... (bookworm|trixie|sid; sqlite|mariadb|postgresql)`,
        );
      return {
        name: group,
        release: release as MatrixGroup["release"],
        tls: m[2] !== undefined,
        dbs: dbs as MatrixGroup["dbs"][number][],
      };
    });
}
