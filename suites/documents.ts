import type { Profile } from "../src/profile/Profile";

/** Applies when the profile documents the status the scenario proves. */
export function documents(status: number): (profile: Profile) => boolean {
  return (profile) => profile.documentedStatuses.includes(status);
}
