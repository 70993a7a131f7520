import type { Creator } from "./Creator";
import { changingFields, checkFieldsUnchanged } from "./checks/checkImageFields";
import type { Check } from "./checks/Check";
import type { ImageView } from "./ImageView";

/**
 * The last whole view of each scratch image the run saw (a create's answer or a read), per identity reading it,
 * so that every read in every tier is compared with the one before: between the two, only the run's own tag
 * requests touched the image, and they may change its tags and updated_at only (a rule of every tier).
 *
 * A create's answer may show an image otherwise than a read does (another field set, a value not yet final):
 * the fields where the two differ on the run's first image (the sentinel, created then read) are not compared
 * against a create's answer; before that is known, a create's answer is not compared at all. A read is always
 * compared with a read in full.
 */
export class ImageViews {
  private readonly last = new Map<string, { readonly view: ImageView; readonly fromCreate: boolean }>();
  private createVsRead: ReadonlySet<string> | undefined;

  /** The fields a create's answer and a read of the same image disagree on (the sentinel's, found once). */
  calibrate(created: ImageView, read: ImageView): void {
    const keys = new Set([...Object.keys(created), ...Object.keys(read)]);
    // Only the fields the invariant compares count (Glance 25.1 lists a created image's tags in another order).
    this.createVsRead = new Set(
      [...keys].filter(
        (k) => !changingFields.has(k) && JSON.stringify(created[k]) !== JSON.stringify(read[k]),
      ),
    );
  }

  /** The fields not compared against a create's answer, once known. */
  get uncomparedAfterCreate(): ReadonlySet<string> | undefined {
    return this.createVsRead;
  }

  /** Records a view; returns the comparison with the one before it, when there is one to compare with. */
  see(id: string, as: Creator, view: ImageView, fromCreate: boolean): Check | undefined {
    const key = `${as} ${id}`;
    const before = this.last.get(key);
    this.last.set(key, { view, fromCreate });
    if (before === undefined || fromCreate) return undefined;
    if (!before.fromCreate) return checkFieldsUnchanged(before.view, view);
    return this.createVsRead === undefined
      ? undefined
      : checkFieldsUnchanged(before.view, view, this.createVsRead);
  }

  /** The image is gone (deleted by the run): nothing to compare a later view with. */
  forget(id: string): void {
    for (const as of ["owner", "alt"] as const) this.last.delete(`${as} ${id}`);
  }
}
