import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { profileLabel } from "../../reports/profileLabel";
import type { Report } from "../../reports/Report";
import { readVerifyingKey } from "../attest/readKeys";
import { verifyReport } from "../attest/verifyReport";
import { ConfigError } from "../config/ConfigError";
import { ExitCode } from "./exitCodes";

export const options = { key: { type: "string" } } as const;

/**
 * `verify-report <dir> --key <pub.pem>` (main answers --help): 0 when every check holds, 1 naming each that
 * does not, 2 for bad usage.
 */
export async function verifyReportCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options,
    strict: true,
    allowPositionals: true,
  });
  const [dir, ...extra] = positionals;
  if (dir === undefined || extra.length > 0)
    throw new ConfigError(
      "usage",
      "verify-report takes one report folder: verify-report <dir> --key <pub.pem>",
    );
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new ConfigError("usage", `verify-report: ${dir} is not a folder`);
  if (values.key === undefined)
    throw new ConfigError(
      "usage",
      "verify-report: --key <pub.pem> is required (the signer's ed25519 public key)",
    );
  const results = await verifyReport(dir, readVerifyingKey(values.key));
  for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.check}: ${r.detail}`);
  const failed = results.filter((r) => !r.ok).length;
  if (failed === 0) {
    // Every check held: report.json is the signed one, and its profile is built in exactly when it says so.
    const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as Report;
    console.log(`verified: ${dir} (${report.verdict}, profile ${profileLabel(report)})`);
  } else console.log(`NOT verified: ${dir}: ${failed} ${failed === 1 ? "check" : "checks"} failed`);
  return failed === 0 ? ExitCode.conformant : ExitCode.nonConformant;
}
