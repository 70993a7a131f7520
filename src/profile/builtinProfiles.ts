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
