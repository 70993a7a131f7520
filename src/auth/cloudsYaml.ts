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
  /** TLS, as openstacksdk names it: a CA bundle, a client certificate and key, and whether to verify. */
  readonly cacert?: string;
  readonly cert?: string;
  readonly key?: string;
  readonly verify?: boolean;
}

type CloudsFile = { readonly clouds?: Readonly<Record<string, CloudEntry>> } | null;

/**
 * openstacksdk's search path for `clouds` (or `secure`) files: the file named by the environment variable
 * first, then ./, ~/.config/openstack and /etc/openstack, each with .yaml, .yml and .json. The first file
 * found wins.
 */
export function configPaths(env: NodeJS.ProcessEnv, base: "clouds" | "secure"): string[] {
  const explicit = env[base === "clouds" ? "OS_CLIENT_CONFIG_FILE" : "OS_CLIENT_SECURE_FILE"];
  const dirs = [process.cwd(), join(homedir(), ".config", "openstack"), "/etc/openstack"];
  return [
    ...(explicit === undefined || explicit === "" ? [] : [explicit]),
    ...dirs.flatMap((d) => [".yaml", ".yml", ".json"].map((s) => join(d, `${base}${s}`))),
  ];
}

function readFirst(paths: readonly string[]): { path: string; doc: CloudsFile } | undefined {
  const path = paths.find((p) => existsSync(p));
  if (path === undefined) return undefined;
  try {
    // JSON is YAML, so one parser reads all three suffixes.
    return { path, doc: parse(readFileSync(path, "utf8")) as CloudsFile };
  } catch (error) {
    throw new ConfigError(
      "bad-option",
      `${path} is not valid YAML: ${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)}`,
    );
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** secure.yaml's values over clouds.yaml's, nested objects merged (as openstacksdk merges them). */
function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isObject(b) && isObject(v) ? merge(b, v) : v;
  }
  return out;
}

/**
 * The named cloud from the first clouds file found, with the same cloud of the first secure file (where
 * passwords and secrets usually live) merged over it; a ConfigError saying where it looked otherwise.
 */
export function findCloud(name: string, env: NodeJS.ProcessEnv): CloudEntry {
  const paths = configPaths(env, "clouds");
  const clouds = readFirst(paths);
  if (clouds === undefined)
    throw new ConfigError(
      "bad-option",
      `--os-cloud ${name}: no clouds.yaml found (looked in ${paths.join(", ")})`,
    );
  const cloud = clouds.doc?.clouds?.[name];
  if (cloud === undefined) throw new ConfigError("bad-option", `no cloud "${name}" in ${clouds.path}`);
  const secret = readFirst(configPaths(env, "secure"))?.doc?.clouds?.[name];
  return secret === undefined ? cloud : merge({ ...cloud }, { ...secret });
}
