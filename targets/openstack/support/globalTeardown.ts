import { reuseTarget } from "./globalSetup";
import { targetCommand } from "./openstackTarget";

/** Stops Keystone and Glance and removes the state folder, whatever the tests did (unless ITC_OPENSTACK_REUSE=1). */
export default function globalTeardown(): void {
  if (!reuseTarget()) targetCommand("down");
}
