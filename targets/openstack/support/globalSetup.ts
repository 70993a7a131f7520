import { existsSync } from "node:fs";
import { join } from "node:path";
import { openstackDir, targetCommand } from "./openstackTarget";

/** With ITC_OPENSTACK_REUSE=1, a target already up in the state folder is used as it is, and left up afterwards. */
export const reuseTarget = (): boolean =>
  process.env["ITC_OPENSTACK_REUSE"] === "1" && existsSync(join(openstackDir, "env"));

/** Brings Keystone and Glance up once for every test file of test:glance. */
export default function globalSetup(): void {
  if (reuseTarget()) return;
  const status = targetCommand("up");
  if (status !== 0) throw new Error(`openstack-target.sh up exited ${String(status)}`);
}
