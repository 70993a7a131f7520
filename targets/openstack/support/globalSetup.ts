import { existsSync } from "node:fs";
import { join } from "node:path";
import { openstackDir, readTargetEnv, targetCommand } from "./openstackTarget";
import { createOwnerImage, ownerImages, usersOwnImage } from "./ownerImages";

/** With ITC_OPENSTACK_REUSE=1, a target already up in the state folder is used as it is, and left up afterwards. */
export const reuseTarget = (): boolean =>
  process.env["ITC_OPENSTACK_REUSE"] === "1" && existsSync(join(openstackDir, "env"));

/**
 * Brings Keystone and Glance up once for every test file of test:glance, and gives the owner project an image of
 * its own that no run may delete or change (expectOwnerImagesKept compares it before and after every run).
 */
export default async function globalSetup(): Promise<void> {
  if (!reuseTarget()) {
    const status = targetCommand("up");
    if (status !== 0) throw new Error(`openstack-target.sh up exited ${String(status)}`);
  }
  const glance = readTargetEnv().glancePlain;
  if (!(await ownerImages(glance)).some((i) => i.name === usersOwnImage))
    await createOwnerImage(glance, usersOwnImage, ["users-own-tag", "prod"]);
}
