import type { Report } from "./Report";

/** The profile as every output names it: a custom profile is never shown as a bare id. */
export function profileLabel(report: Pick<Report, "profile" | "profileBuiltin" | "openapiSha256">): string {
  return report.profileBuiltin
    ? report.profile
    : `${report.profile} (custom profile, sha256 ${report.openapiSha256.slice(0, 12)})`;
}
