import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../util/packageRoot";

/** The profiles shipped in openapi/, by name. The first is the default. */
export const builtinProfileNames = ["huawei-ims", "openstack-glance"] as const;
export type BuiltinProfileName = (typeof builtinProfileNames)[number];
export const defaultProfileName: BuiltinProfileName = "huawei-ims";

export function isBuiltinProfileName(name: string): name is BuiltinProfileName {
  return (builtinProfileNames as readonly string[]).includes(name);
}

export function builtinProfilePath(name: BuiltinProfileName): string {
  return join(packageRoot, "openapi", `${name}.yaml`);
}

/** The SHA-256 of a built-in profile's file as this suite ships it, hex. */
export function builtinProfileSha256(name: BuiltinProfileName): string {
  return createHash("sha256")
    .update(readFileSync(builtinProfilePath(name)))
    .digest("hex");
}
