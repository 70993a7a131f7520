import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../../src/util/packageRoot";

/**
 * The Keystone and Glance that openstack-target.sh runs, as the tests see them. The state folder and the ports come
 * from ITC_OPENSTACK_DIR, ITC_KEYSTONE_PORT and ITC_GLANCE_PORT, like the script's own, so two copies can run side
 * by side.
 */
export const openstackDir = process.env["ITC_OPENSTACK_DIR"] ?? "/tmp/itc-openstack";
export const targetScript = join(packageRoot, "targets", "openstack", "openstack-target.sh");
export const tempestScript = join(packageRoot, "targets", "openstack", "tempest.sh");

/** The environment every script and CLI of these tests gets: this one's, with the state folder made explicit. */
export function scriptEnv(): NodeJS.ProcessEnv {
  return { ...process.env, ITC_OPENSTACK_DIR: openstackDir };
}

/** Runs openstack-target.sh with these arguments, its output on the terminal; returns its exit status. */
export function targetCommand(...args: readonly string[]): number | null {
  return spawnSync("bash", [targetScript, ...args], { stdio: "inherit", env: scriptEnv() }).status;
}

/**
 * What `openstack-target.sh up` wrote to $ITC_OPENSTACK_DIR/env: ITC_TARGET, ITC_TOKEN, ITC_ALT_TOKEN,
 * ITC_KEYSTONE_URL, and the layout: ITC_CACERT (empty without TLS), ITC_GLANCE_PLAIN and ITC_KEYSTONE_PLAIN (where
 * Glance and Keystone themselves listen, in plain HTTP on loopback: the same URLs without TLS), the release and the
 * packages' versions.
 */
export interface TargetEnv {
  readonly target: string;
  readonly token: string;
  readonly altToken: string;
  readonly keystone: string;
  /** The private CA of the TLS layout, as the host sees it; undefined without TLS. */
  readonly cacert: string | undefined;
  readonly glancePlain: string;
  readonly keystonePlain: string;
  readonly release: string;
  readonly glanceVersion: string;
  readonly keystoneVersion: string;
}

export function readTargetEnv(): TargetEnv {
  const vars = new Map(
    readFileSync(join(openstackDir, "env"), "utf8")
      .trim()
      .split("\n")
      .map((l): [string, string] => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  const get = (name: string): string => {
    const v = vars.get(name);
    if (v === undefined || v === "") throw new Error(`${name} missing from ${join(openstackDir, "env")}`);
    return v;
  };
  const cacert = vars.get("ITC_CACERT");
  return {
    target: get("ITC_TARGET"),
    token: get("ITC_TOKEN"),
    altToken: get("ITC_ALT_TOKEN"),
    keystone: get("ITC_KEYSTONE_URL"),
    cacert: cacert === undefined || cacert === "" ? undefined : cacert,
    glancePlain: get("ITC_GLANCE_PLAIN"),
    keystonePlain: get("ITC_KEYSTONE_PLAIN"),
    release: get("ITC_OPENSTACK_RELEASE"),
    glanceVersion: get("ITC_GLANCE_VERSION"),
    keystoneVersion: get("ITC_KEYSTONE_VERSION"),
  };
}
