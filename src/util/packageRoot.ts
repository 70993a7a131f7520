import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The folder holding this package's package.json, from source (ts-jest) or from dist/. */
function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const packageRoot: string = findPackageRoot(__dirname);
