import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { packageRoot } from "../../src/util/packageRoot";
import { cliPath } from "../support/cli";
import { readmeCommands, words } from "../support/readmeCommands";

const readme = readFileSync(join(packageRoot, "README.md"), "utf8");

/** Every file under docs/, as a path relative to the repository. */
function docsFiles(dir = join(packageRoot, "docs")): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? docsFiles(path) : [relative(packageRoot, path)];
  });
}

describe("the README", () => {
  it("is a landing page of at most 12 KB", () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(12 * 1024);
  });

  it("links every page under docs/", () => {
    const unlinked = docsFiles().filter((f) => !readme.includes(`](${f})`));
    expect(unlinked).toEqual([]);
  });

  it("shows only commands the CLI accepts as written (their options checked with --help)", () => {
    const commands = readmeCommands(readme);
    expect(commands).toEqual(expect.arrayContaining(["npm ci && npm start", "npm test"]));
    const cli = commands.filter((c) => c.startsWith("image-tag-conformance "));
    expect(cli.length).toBeGreaterThanOrEqual(3);
    for (const command of cli) {
      const args = words(command).slice(1);
      const r = spawnSync(process.execPath, [cliPath, ...args, "--help"], { encoding: "utf8" });
      expect({ command, code: r.status, stderr: r.stderr }).toEqual({ command, code: 0, stderr: "" });
    }
  });
});
