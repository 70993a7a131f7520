import { randomBytes } from "node:crypto";

/** A run id that sorts by time and is unique enough to name scratch images: 20261126T190512-a1b2c3. */
export function makeRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").slice(0, 15);
  return `${stamp}-${randomBytes(3).toString("hex")}`;
}
