import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../src/util/packageRoot";

/**
 * `npm run contracts`: runs the Pact consumer tests (jest) and writes the pact files into contracts/pacts.
 * `npm run contracts -- --check`: writes them aside and fails when they differ from the committed ones.
 */
function main(): number {
  const check = process.argv.includes("--check");
  const committed = join(packageRoot, "contracts", "pacts");
  const out = check ? mkdtempSync(join(tmpdir(), "itc-pacts-")) : committed;
  try {
    return generate(check, committed, out);
  } finally {
    // The files written aside for --check are compared, then go: nothing stays in $TMPDIR.
    if (check) rmSync(out, { recursive: true, force: true });
  }
}

function generate(check: boolean, committed: string, out: string): number {
  // Pact merges into existing files; regenerate from scratch so removed interactions disappear too.
  if (!check)
    for (const f of readdirSync(committed).filter((f) => f.endsWith(".json"))) rmSync(join(committed, f));
  const jest = join(packageRoot, "node_modules", "jest", "bin", "jest.js");
  const r = spawnSync(process.execPath, [jest, "--runInBand", "contracts/consumer"], {
    cwd: packageRoot,
    stdio: "inherit",
    env: { ...process.env, PACT_DIR: out },
  });
  if (r.status !== 0) return r.status ?? 1;
  if (!check) {
    console.log(`pact files written to ${committed}`);
    return 0;
  }
  const names = (dir: string): string[] =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort();
  const stale = [...new Set([...names(out), ...names(committed)])].filter((f) => {
    try {
      return readFileSync(join(out, f), "utf8") !== readFileSync(join(committed, f), "utf8");
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(
      `contracts/pacts is not current (${stale.join(", ")}): run npm run contracts and commit the result`,
    );
    return 1;
  }
  console.log(`contracts/pacts is current (${names(committed).length} pact files)`);
  return 0;
}

process.exitCode = main();
