import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { ConfigError } from "../config/ConfigError";

/** One cloud of clouds.yaml, as os-client-config names its keys. */
export interface CloudEntry {
  readonly auth?: Readonly<Record<string, unknown>>;
  readonly region_name?: string;
  readonly interface?: string;
  readonly auth_type?: string;
}

/** The standard search path: OS_CLIENT_CONFIG_FILE, ./clouds.yaml, ~/.config/openstack, /etc/openstack. */
export function cloudsYamlPaths(env: NodeJS.ProcessEnv): string[] {
  const explicit = env["OS_CLIENT_CONFIG_FILE"];
  if (explicit !== undefined && explicit !== "") return [explicit];
  return [
    join(process.cwd(), "clouds.yaml"),
    join(homedir(), ".config", "openstack", "clouds.yaml"),
    "/etc/openstack/clouds.yaml",
  ];
}

/** The named cloud from the first clouds.yaml found, or a ConfigError saying where it looked. */
export function findCloud(name: string, env: NodeJS.ProcessEnv): CloudEntry {
  const paths = cloudsYamlPaths(env);
  for (const path of paths.filter((p) => existsSync(p))) {
    let doc: { clouds?: Record<string, CloudEntry> } | null;
    try {
      doc = parse(readFileSync(path, "utf8")) as { clouds?: Record<string, CloudEntry> } | null;
    } catch (error) {
      throw new ConfigError(
        "bad-option",
        `${path} is not valid YAML: ${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)}`,
      );
    }
    const cloud = doc?.clouds?.[name];
    if (cloud !== undefined) return cloud;
    throw new ConfigError("bad-option", `no cloud "${name}" in ${path}`);
  }
  throw new ConfigError(
    "bad-option",
    `--os-cloud ${name}: no clouds.yaml found (looked in ${paths.join(", ")})`,
  );
}
