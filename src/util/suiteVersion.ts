import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "./packageRoot";

interface PackageJson {
  readonly version: string;
}

export const suiteVersion: string = (
  JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as PackageJson
).version;
