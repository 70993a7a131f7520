import { loadProfile } from "../../src/profile/loadProfile";
import type { Profile } from "../../src/profile/Profile";

const cache = new Map<string, Promise<Profile>>();

/** A built-in profile, loaded once per test file. */
export function profile(name: "huawei-ims" | "openstack-glance"): Promise<Profile> {
  let p = cache.get(name);
  if (p === undefined) {
    p = loadProfile(name);
    cache.set(name, p);
  }
  return p;
}
