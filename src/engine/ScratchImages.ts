import { ImageViews } from "./ImageViews";
import { performance } from "node:perf_hooks";
import type { Exchange } from "../http/Exchange";
import { expandPath } from "../http/expandPath";
import type { HttpClient } from "../http/HttpClient";
import type { Profile } from "../profile/Profile";
import { mapLimit } from "../util/mapLimit";
import { listImages } from "./listImages";
import type { CleanupResult } from "./CleanupResult";
import type { Creator } from "./Creator";
import type { Finding } from "./Finding";

export type { CleanupResult } from "./CleanupResult";
export type { Creator } from "./Creator";
import { defaultNamePrefix, ownScratchName, runScratchName } from "./scratchNames";

interface Created {
  readonly id: string;
  readonly as: Creator;
}

/** Deletes in parallel during cleanup: bounded, so a slow target is not flooded. */
const cleanupConcurrency = 8;
/** Rounds of listing the run's names and deleting what shows, after the announced images. */
const maxSweeps = 3;

/**
 * The run's scratch images, shared by every scenario: the ones the target announced, every name the run ever
 * sent in a create (a create that answers an error may still store the image, as Glance 25.1.0 does for four-byte
 * characters in a tag), the tags the run knows each image carries, and the projects of both identities.
 */
export class ScratchImages {
  private readonly created = new Map<string, Created>();
  private readonly names = { owner: new Set<string>(), alt: new Set<string>() };
  private readonly tags = new Map<string, string[]>();
  private readonly projects: { owner?: string; alt?: string } = {};
  private early = 0;
  private storedDespiteError: { count: number; first: Finding } | undefined;
  /** The alt project id, learned once (scenarios running in parallel share one probe image). */
  altProject: Promise<string> | undefined;
  private readonly memos = new Map<string, Promise<unknown>>();
  /** The last whole view of each image, for the whole-image invariant of every tier. */
  readonly views = new ImageViews();

  constructor(
    readonly profile: Profile,
    readonly runId: string,
    /** The alt project id when the user gave it (--alt-project-id) or Keystone told it. */
    readonly knownAltProject: string | undefined,
    /** The run's scratch name (runScratchName): every image of the run carries it, or one derived from it. */
    readonly runName: string = runScratchName(defaultNamePrefix, 0, runId),
    /** Told every new name before a create carries it: the run's local record (cleanup after a kill). */
    private readonly onName: (name: string) => void = () => undefined,
  ) {}

  /**
   * The name a create sends: the run's one name (so that cleanup lists once per identity), or with own set, a
   * name of the label's own (a scenario that lists its images by name must not meet another scenario's).
   */
  nameOf(label: string, own = false): string {
    return own ? ownScratchName(this.runName, label) : this.runName;
  }

  /** A name about to be sent in a create: cleanup lists it, whatever the create answers. */
  attempted(name: string, as: Creator): void {
    if (!this.names.owner.has(name) && !this.names.alt.has(name)) this.onName(name);
    this.names[as].add(name);
  }

  register(id: string, as: Creator, owner: string | undefined): void {
    this.created.set(id, { id, as });
    if (owner !== undefined) this.projects[as] ??= owner;
  }

  /** The project of an identity, once an image it created has shown it. */
  projectOf(as: Creator): string | undefined {
    return this.projects[as];
  }

  /** One value per run and key, made once however many scenarios ask for it at once. */
  memo<T>(key: string, make: () => Promise<T>): Promise<T> {
    let known = this.memos.get(key) as Promise<T> | undefined;
    if (known === undefined) {
      known = make();
      this.memos.set(key, known);
    }
    return known;
  }

  has(id: string): boolean {
    return this.created.has(id);
  }

  creatorOf(id: string): Creator | undefined {
    return this.created.get(id)?.as;
  }

  /** Deleted before the end of the run: still counted as created and deleted. */
  deletedEarly(id: string): void {
    if (this.created.delete(id)) this.early += 1;
    this.tags.delete(id);
    this.views.forget(id);
  }

  known(id: string): string[] | undefined {
    const t = this.tags.get(id);
    return t === undefined ? undefined : [...t];
  }

  setKnown(id: string, tags: readonly string[] | undefined): void {
    if (tags === undefined) this.tags.delete(id);
    else this.tags.set(id, [...tags]);
  }

  /** A create answered an error yet stored the image: an upstream defect worth telling the cloud's owner. */
  noteStoredDespiteError(
    status: number,
    name: string,
    ids: readonly string[],
    exchanges: readonly Exchange[],
  ): void {
    if (this.storedDespiteError !== undefined) {
      this.storedDespiteError.count += ids.length;
      return;
    }
    this.storedDespiteError = {
      count: ids.length,
      first: {
        id: "create-error-but-stored",
        title: `creating an image answered ${status}, yet the image was stored`,
        detail: `POST of ${name} answered ${status}; listing the name then showed ${ids.join(", ")}`,
        exchanges,
      },
    };
  }

  findings(): Finding[] {
    const s = this.storedDespiteError;
    if (s === undefined) return [];
    return [
      {
        ...s.first,
        detail: `${s.first.detail} (${s.count} image${s.count === 1 ? "" : "s"} so in this run; the suite deleted them)`,
      },
    ];
  }

  /** Deletes one image: undefined once it is gone (204, or 404: already gone), otherwise why not. */
  private async remove(client: HttpClient, id: string, as: Creator): Promise<string | undefined> {
    const spec = this.profile.fixtures.get("deleteImage");
    if (spec === undefined) return "the profile has no deleteImage operation";
    try {
      const res = await client.send({
        operationId: "deleteImage",
        method: "DELETE",
        path: expandPath(spec.pathTemplate, { image_id: id }),
        as,
        expect: [204, 404],
      });
      return res.status === 204 || res.status === 404 ? undefined : `delete answered ${res.status}`;
    } catch (error) {
      return `delete: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Deletes one image of this run now; if that fails it stays for the cleanup at the end. */
  async discard(client: HttpClient, id: string): Promise<void> {
    const image = this.created.get(id);
    if (image !== undefined && (await this.remove(client, id, image.as)) === undefined) this.deletedEarly(id);
  }

  /**
   * Images of ours that the target lists under a name, and that the run does not know of yet; `unverified` says
   * why the list may miss some (an error answer, the page cap, the deadline).
   */
  async unknownByName(
    client: HttpClient,
    name: string,
    as: Creator,
    stopAt = Infinity,
  ): Promise<{ ids: string[]; unverified?: string }> {
    const { images, incomplete } = await listImages(client, this.profile, as, { name }, undefined, stopAt);
    const project = this.projects[as];
    const ids = images
      .filter((i) => project === undefined || i.owner === undefined || i.owner === project)
      .map((i) => i.id)
      .filter((id) => !this.created.has(id));
    return incomplete === undefined ? { ids } : { ids, unverified: `listing it ${incomplete}` };
  }

  /**
   * Deletes every image of this run, in parallel and within a deadline: first those the target announced, then
   * whatever it lists under the run's names (lists it again to verify), so a create that lied leaves nothing.
   */
  async cleanup(client: HttpClient, deadlineMs: number): Promise<CleanupResult> {
    const stopAt = performance.now() + deadlineMs;
    const leftBehind = new Map<string, string>();
    const deletedIds = new Set<string>();
    let deleted = 0;
    let foundByName = 0;
    const late = (): boolean => performance.now() > stopAt;
    const removeAll = async (items: readonly Created[]): Promise<void> => {
      await mapLimit(items, cleanupConcurrency, async ({ id, as }) => {
        if (late()) {
          leftBehind.set(id, "the cleanup deadline passed first");
          return;
        }
        const why = await this.remove(client, id, as);
        if (why === undefined) {
          deleted += 1;
          deletedIds.add(id);
          leftBehind.delete(id);
          this.created.delete(id);
        } else leftBehind.set(id, why);
      });
    };
    const announced = [...this.created.values()].reverse();
    await removeAll(announced);
    // Names whose last listing failed (by principal and name): an image stored under one may be left, and the
    // run says so. A later listing that succeeds clears the name.
    const unverified = new Map<string, { name: string; why: string }>();
    const sweep = async (): Promise<Created[]> => {
      const lists = (["owner", "alt"] as const).flatMap((as) =>
        [...this.names[as]].map((name) => ({ as, name })),
      );
      const found = await mapLimit(lists, cleanupConcurrency, async ({ as, name }) => {
        const key = `${as} ${name}`;
        if (late()) {
          unverified.set(key, { name, why: "the cleanup deadline passed before it was listed" });
          return [];
        }
        try {
          const listed = await this.unknownByName(client, name, as, stopAt);
          if (listed.unverified === undefined) unverified.delete(key);
          else unverified.set(key, { name, why: listed.unverified });
          return listed.ids.map((id) => ({ id, as }));
        } catch (error) {
          const why = `listing it failed: ${error instanceof Error ? error.message : String(error)}`;
          unverified.set(key, { name, why });
          return [];
        }
      });
      return found.flat();
    };
    const listed = async (): Promise<Created[]> => {
      const found = await sweep();
      // A delete that answered 204 and left the image listed is not believed.
      for (const i of found.filter((f) => deletedIds.has(f.id))) {
        leftBehind.set(i.id, "still listed after a delete that answered 204");
        deleted -= deletedIds.delete(i.id) ? 1 : 0;
      }
      return found.filter((i) => !deletedIds.has(i.id) && !leftBehind.has(i.id));
    };
    // Delete what the names list, and list again until nothing new shows (a listing that failed before may
    // succeed now): bounded, what is still found at the end is reported as left behind.
    // A round with nothing new to delete still lists again the names whose listing failed: one failed listing
    // of the run's one name must not end the sweep.
    let unknown = await listed();
    for (let round = 0; unknown.length > 0 || (unverified.size > 0 && !late()); round++) {
      if (round === maxSweeps) {
        for (const i of unknown) leftBehind.set(i.id, `still listed after ${maxSweeps} cleanup rounds`);
        break;
      }
      foundByName += unknown.length;
      await removeAll(unknown);
      unknown = await listed();
    }
    const early = this.early;
    this.early = 0;
    return {
      created: announced.length + foundByName + early,
      deleted: deleted + early,
      foundByName,
      leftBehind: [...leftBehind].map(([imageId, why]) => ({ imageId, why })),
      unverified: [...unverified.values()],
    };
  }
}
