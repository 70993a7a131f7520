import { ConfigError } from "../config/ConfigError";
import { withoutUserinfo } from "../util/withoutUserinfo";
import { findCloud } from "./cloudsYaml";
import type { KeystoneIdentity } from "./KeystoneIdentity";

/** The --os-* (or --alt-os-*) options of the run command, by their names without the prefix. */
export type OsOptions = Readonly<Partial<Record<OsOptionName, string>>>;
export const osOptionNames = [
  "cloud",
  "auth-url",
  "username",
  "password",
  "project-name",
  "user-domain-name",
  "project-domain-name",
  "region-name",
  "interface",
  "application-credential-id",
  "application-credential-secret",
] as const;
export type OsOptionName = (typeof osOptionNames)[number];

const envName = (name: OsOptionName): string => `OS_${name.toUpperCase().replace(/-/g, "_")}`;

/** clouds.yaml's auth keys use underscores: auth_url, project_name, application_credential_id, ... */
function fromCloud(name: string, env: NodeJS.ProcessEnv): Partial<Record<OsOptionName, string>> {
  const cloud = findCloud(name, env);
  const out: Partial<Record<OsOptionName, string>> = {};
  for (const key of osOptionNames) {
    const value = cloud.auth?.[key.replace(/-/g, "_")];
    if (typeof value === "string" || typeof value === "number") out[key] = String(value);
  }
  if (cloud.region_name !== undefined) out["region-name"] = cloud.region_name;
  if (cloud.interface !== undefined) out.interface = cloud.interface;
  return out;
}

/** An auth URL is an http(s) URL without credentials in it: they would be echoed in every Keystone message. */
function checkAuthUrl(authUrl: string, label: string): void {
  let url: URL;
  try {
    url = new URL(authUrl);
  } catch {
    throw new ConfigError("bad-option", `the ${label} auth URL "${withoutUserinfo(authUrl)}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new ConfigError("bad-option", `the ${label} auth URL must be http or https, not ${url.protocol}`);
  if (url.username !== "" || url.password !== "")
    throw new ConfigError(
      "bad-option",
      `the ${label} auth URL must not carry credentials; give them as --os-username and --os-password (or OS_*)`,
    );
}

/**
 * A Keystone identity from options, then (for the owner) OS_* variables, then the named cloud of clouds.yaml,
 * as python-openstackclient resolves them. undefined when none of them names one.
 */
export function resolveKeystoneIdentity(
  options: OsOptions,
  env: NodeJS.ProcessEnv,
  label: string,
  useEnv: boolean,
): KeystoneIdentity | undefined {
  const cloudName = options.cloud ?? (useEnv ? env["OS_CLOUD"] : undefined);
  const base = cloudName === undefined || cloudName === "" ? {} : fromCloud(cloudName, env);
  const get = (name: OsOptionName): string | undefined => {
    const v = options[name] ?? (useEnv ? env[envName(name)] : undefined) ?? base[name];
    return v === undefined || v === "" ? undefined : v;
  };
  const authUrl = get("auth-url");
  if (authUrl === undefined && cloudName !== undefined && cloudName !== "")
    throw new ConfigError(
      "bad-option",
      `the ${label} cloud "${cloudName}" has no auth.auth_url in clouds.yaml (add it there, or give ${label === "alt" ? "--alt-os-auth-url" : "--os-auth-url"})`,
    );
  if (authUrl === undefined) return undefined;
  checkAuthUrl(authUrl, label);
  const normalized = authUrl.replace(/\/+$/, "");
  const v3 = /\/v3$/.test(normalized) ? normalized : `${normalized}/v3`;
  const common = { authUrl: v3, regionName: get("region-name"), interface: get("interface") ?? "public" };
  const credId = get("application-credential-id");
  const credSecret = get("application-credential-secret");
  if (credId !== undefined || credSecret !== undefined) {
    if (credId === undefined || credSecret === undefined)
      throw new ConfigError(
        "bad-option",
        `the ${label} application credential needs both an id and a secret`,
      );
    return { ...common, method: { kind: "application-credential", id: credId, secret: credSecret } };
  }
  const username = get("username");
  const password = get("password");
  const projectName = get("project-name");
  if (username === undefined || password === undefined || projectName === undefined) {
    throw new ConfigError(
      "bad-option",
      `the ${label} Keystone identity needs a username, a password and a project name (or an application credential)`,
    );
  }
  return {
    ...common,
    method: {
      kind: "password",
      username,
      password,
      projectName,
      userDomainName: get("user-domain-name") ?? "Default",
      projectDomainName: get("project-domain-name") ?? "Default",
    },
  };
}
