import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { verifyReportHelp } from "../../../src/cli/help";
import { verifyReportChecks } from "../../../src/cli/verifyReportChecks";
import { packageRoot } from "../../../src/util/packageRoot";

const names = verifyReportChecks.map((c) => c.check);

describe("verify-report's checks: one list for the command, its --help and the how-to's table", () => {
  it('the list names exactly the checks src/attest/ can report (every `check: "…"` there)', () => {
    const dir = join(packageRoot, "src", "attest");
    const made = new Set(
      readdirSync(dir)
        .filter((f) => f.endsWith(".ts"))
        .flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(/\bcheck: "([^"]+)"/g)])
        .map((m) => m[1] ?? ""),
    );
    expect([...made].sort()).toEqual([...names].sort());
  });

  it("--help shows every check, one per line, in the list's order", () => {
    const shown = [...verifyReportHelp.matchAll(/^ {2}(\S+(?: row)?) {2,}/gm)].map((m) => m[1]);
    expect(shown).toEqual(names);
  });

  it("docs/how-to/certify-and-verify.md's table is the list, row for row", () => {
    const doc = readFileSync(join(packageRoot, "docs", "how-to", "certify-and-verify.md"), "utf8");
    const rows = [...doc.matchAll(/^ *\| `([^`]+)` +\| (.+?) +\|$/gm)].map((m) => ({
      check: m[1],
      holdsWhen: m[2],
    }));
    expect(rows).toEqual(verifyReportChecks);
  });
});
