import type { ImageView } from "../ImageView";
import { coreCheck, type Check } from "./Check";

/** Fields a tag request changes on the image it names: its tags, and when it was last updated. */
export const changingFields: ReadonlySet<string> = new Set(["tags", "updated_at"]);
const changing = changingFields;

const show = (v: unknown): string => {
  const s = v === undefined ? "absent" : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/**
 * After any tag request, every field of the image but its tags and updated_at is as before (a rule of every
 * tier): a tag delete does not rename an image, make it public or set its min_disk.
 */
export function checkFieldsUnchanged(
  before: ImageView,
  after: ImageView,
  ignored: ReadonlySet<string> = new Set(),
): Check {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !changing.has(k) && !ignored.has(k),
  );
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return coreCheck(
    "the image's other fields unchanged",
    changed.length === 0,
    changed.length === 0
      ? `${keys.length} fields as before`
      : changed.map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`).join("; "),
    "a tag request changes the image's tags only (Image API v2: image tags)",
  );
}
