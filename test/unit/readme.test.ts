import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { packageRoot } from "../../src/util/packageRoot";
import { readmeCommands } from "../support/readmeCommands";

const readme = readFileSync(join(packageRoot, "README.md"), "utf8");

/** Every file under docs/, as a path relative to the repository. */
function docsFiles(dir = join(packageRoot, "docs")): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? docsFiles(path) : [relative(packageRoot, path)];
  });
}

describe("the README", () => {
  // 12 KB until issue 22 asked for an Install section and measured durations of its own.
  it("is a landing page of at most 13 KB", () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(13 * 1024);
  });

  it("links every page under docs/", () => {
    const unlinked = docsFiles().filter((f) => !readme.includes(`](${f})`));
    expect(unlinked).toEqual([]);
  });

  it("keeps exactly two set-up commands for a newcomer in its Quick start", () => {
    const quickStart = /## Quick start\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    expect(readmeCommands(`\`\`\`sh\n${quickStart}\`\`\``)).toEqual(["npm ci && npm start", "npm test"]);
    // Every command of the README (and of the how-to pages) is checked as written in docCommands.test.ts.
  });
});
