import type { Principal } from "../http/Exchange";
import { expandPath } from "../http/expandPath";
import type { HttpClient, HttpResponse } from "../http/HttpClient";
import type { FixtureOperationId, Profile } from "../profile/Profile";
import type { Check } from "./checks/Check";
import { FixtureError } from "./FixtureError";
import type { ImageView } from "./ImageView";
import type { Creator, ScratchImages } from "./ScratchImages";

export type { Creator } from "./ScratchImages";
export type CreatableVisibility = "private" | "shared" | "community" | "public";

export type { ImageView } from "./ImageView";

function jsonObject(res: HttpResponse): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(res.text);
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // not JSON
  }
  return undefined;
}

const stringsOf = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((t) => typeof t === "string") ? v : undefined;

/**
 * A scenario's view of the run's scratch images: created through the profile's fixture operations, named
 * after the run, and the only images the suite ever modifies. Requests go through the scenario's own client,
 * so they are filed as its evidence; the images themselves are registered run-wide for cleanup.
 */
export class Fixtures {
  private fieldWatch: ((c: Check) => void) | undefined;

  constructor(
    private readonly client: HttpClient,
    private readonly profile: Profile,
    private readonly images: ScratchImages,
  ) {}

  /** Where the comparison of each read with the image's view before it goes: the probe of the running case. */
  watchFields(watch: (c: Check) => void): void {
    this.fieldWatch = watch;
  }

  /** A whole view of the image, compared with the one before it (ImageViews); a change goes to the watcher. */
  private seen(id: string, as: Creator, view: ImageView, fromCreate: boolean): void {
    const c = this.images.views.see(id, as, view, fromCreate);
    if (c !== undefined && !c.ok) this.fieldWatch?.(c);
  }

  private async call(
    op: FixtureOperationId,
    as: Principal,
    params: Record<string, string>,
    expect: readonly number[],
    json?: unknown,
  ): Promise<HttpResponse> {
    const spec = this.profile.fixtures.get(op);
    if (spec === undefined) throw new FixtureError(`the profile has no ${op} operation`, undefined);
    return this.client.send({
      operationId: op,
      method: spec.method.toUpperCase() as "GET",
      path: expandPath(spec.pathTemplate, params),
      as,
      json,
      expect,
    });
  }

  private expect(res: HttpResponse, status: number, what: string): void {
    if (res.status !== status) {
      // The recorded body: already redacted, so the cut below cannot split a secret the redactor would hide.
      const detail = res.exchange.responseBody.slice(0, 200).replace(/\s+/g, " ");
      throw new FixtureError(
        `setup failed: ${what} answered ${res.status}, expected ${status}${detail ? ` (${detail})` : ""}`,
        res.exchange,
      );
    }
  }

  /** Sends createImage; the name is registered before it is sent, and a created image is registered for cleanup. */
  private async sendCreate(
    label: string,
    as: Creator,
    visibility: CreatableVisibility,
    tags: readonly string[],
    ownName = false,
  ): Promise<{
    res: HttpResponse;
    name: string;
    id: string | undefined;
    body: Record<string, unknown> | undefined;
  }> {
    const name = this.images.nameOf(label, ownName);
    this.images.attempted(name, as);
    const res = await this.call("createImage", as, {}, [201], { name, visibility, tags });
    const body = res.status === 201 ? jsonObject(res) : undefined;
    const id = body?.["id"];
    if (typeof id !== "string") return { res, name, id: undefined, body };
    const owner = body?.["owner"];
    this.images.register(id, as, typeof owner === "string" ? owner : undefined);
    return { res, name, id, body };
  }

  /**
   * A new image owned by the creator's project, carrying exactly these tags (set in the create body), with the
   * view the target answered (every field: the whole-image invariants compare against it).
   */
  async createScratch(
    label: string,
    options: { as?: Creator; visibility?: CreatableVisibility; tags?: readonly string[] } = {},
  ): Promise<{ readonly id: string; readonly view: ImageView }> {
    const as = options.as ?? "owner";
    const wanted = options.tags ?? [];
    const { res, id, body } = await this.sendCreate(label, as, options.visibility ?? "private", wanted);
    this.expect(res, 201, `creating a scratch image (${label})`);
    if (id === undefined || body === undefined)
      throw new FixtureError("setup failed: the created image has no id", res.exchange);
    const tags = stringsOf(body["tags"]);
    if (tags === undefined || wanted.some((t) => !tags.includes(t)))
      throw new FixtureError(
        `setup failed: the created image does not carry the tags sent (${JSON.stringify(tags)})`,
        res.exchange,
      );
    this.images.setKnown(id, tags);
    this.seen(id, as, body, true);
    await this.settle(id, as);
    return { id, view: body };
  }

  /**
   * Where a create's answer shows fields otherwise than a read (the sentinel told), the new image is read once
   * before any tag request: a change a request makes to those fields is then seen against a read, never missed
   * because the view before it was the create's answer.
   */
  private async settle(id: string, as: Creator): Promise<void> {
    if ((this.images.views.uncomparedAfterCreate?.size ?? 0) > 0) await this.viewOf(id, as);
  }

  /** Whether the creator may create an image of this visibility: the status and body of a create, then deleted. */
  async tryVisibility(
    label: string,
    as: Creator,
    visibility: CreatableVisibility,
  ): Promise<string | undefined> {
    const { res, id } = await this.sendCreate(label, as, visibility, []);
    if (id !== undefined) {
      await this.discard(id);
      return undefined;
    }
    const detail = res.exchange.responseBody.slice(0, 160).replace(/\s+/g, " ");
    return `creating a ${visibility} image answered ${res.status}${detail === "" ? "" : ` (${detail})`}`;
  }

  /** The image as its creator sees it, every field (and, from now on, its tags as the run knows them). */
  async viewOf(imageId: string, as: Creator = "owner"): Promise<ImageView> {
    const res = await this.call("showImage", as, { image_id: imageId }, [200]);
    this.expect(res, 200, `showing image ${imageId}`);
    const view = jsonObject(res);
    const tags = stringsOf(view?.["tags"]);
    if (view === undefined || tags === undefined)
      throw new FixtureError("setup failed: the image has no tags array", res.exchange);
    this.images.setKnown(imageId, tags);
    this.seen(imageId, as, view, false);
    return view;
  }

  /** The owner's project id: learned from an image the owner created (the preflight's), or from one made now. */
  ownerProjectId(): Promise<string> {
    const known = this.images.projectOf("owner");
    return known !== undefined
      ? Promise.resolve(known)
      : this.memo("owner-project", async () => {
          const { view } = await this.createScratch("owner-probe");
          const owner = view["owner"];
          if (typeof owner !== "string")
            throw new FixtureError("setup failed: cannot learn the owner's project id (no owner)", undefined);
          return owner;
        });
  }

  /**
   * Adds the other identity's project as a member of the creator's shared image; accepted, the member (its
   * caller) sees it but may not modify it; pending, it sees it all the same (Glance shows an image to any member).
   */
  async share(imageId: string, from: Creator, accept: boolean): Promise<void> {
    const to: Creator = from === "owner" ? "alt" : "owner";
    const member = to === "alt" ? await this.altProjectId() : await this.ownerProjectId();
    this.expect(
      await this.call("createImageMember", from, { image_id: imageId }, [200], { member }),
      200,
      `adding the ${to} project as a member`,
    );
    if (!accept) return;
    const accepted = await this.call(
      "updateImageMember",
      to,
      { image_id: imageId, member_id: member },
      [200],
      { status: "accepted" },
    );
    this.expect(accepted, 200, `accepting the share as ${to}`);
  }

  /** One value per run and key, made once however many scenarios ask at once (capabilities, the coverage plan). */
  memo<T>(key: string, make: () => Promise<T>): Promise<T> {
    return this.images.memo(key, make);
  }

  /** A new image owned by the creator's project, carrying exactly these tags (set in the create body). */
  async createImage(
    label: string,
    options: { as?: Creator; visibility?: CreatableVisibility; tags?: readonly string[] } = {},
  ): Promise<string> {
    const as = options.as ?? "owner";
    const wanted = options.tags ?? [];
    const { res, id, body } = await this.sendCreate(label, as, options.visibility ?? "private", wanted);
    this.expect(res, 201, `creating a scratch image (${label})`);
    if (id === undefined) throw new FixtureError("setup failed: the created image has no id", res.exchange);
    // The create answer shows the tags (Glance does): no second request to read them.
    const tags = stringsOf(body?.["tags"]) ?? (await this.tagsOf(id, as));
    for (const tag of wanted.filter((t) => !tags.includes(t))) {
      this.expect(await this.call("addImageTag", as, { image_id: id, tag }, [204]), 204, `adding tag ${tag}`);
      tags.push(tag);
    }
    this.images.setKnown(id, tags);
    if (body !== undefined) this.seen(id, as, body, true);
    await this.settle(id, as);
    return id;
  }

  /**
   * Creates a private image of the owner with these tags in the body, for a case to judge: its status, its id,
   * and the ids of images the target stored although it answered an error (found by name, deleted at once).
   */
  async tryCreateImage(
    label: string,
    tags: readonly string[],
  ): Promise<{ status: number; id?: string; storedDespiteError: readonly string[] }> {
    // A name of its own: the images listed under it after a refusal are this scenario's, no other's.
    const { res, name, id, body } = await this.sendCreate(label, "owner", "private", tags, true);
    if (id !== undefined) {
      this.images.setKnown(id, stringsOf(body?.["tags"]));
      if (body !== undefined) this.seen(id, "owner", body, true);
      await this.settle(id, "owner");
      return { status: res.status, id, storedDespiteError: [] };
    }
    if (res.status < 400) return { status: res.status, storedDespiteError: [] };
    const mark = res.exchange;
    const stored = (await this.images.unknownByName(this.client, name, "owner")).ids;
    if (stored.length > 0) {
      this.images.noteStoredDespiteError(res.status, name, stored, [mark]);
      for (const s of stored) {
        this.images.register(s, "owner", undefined);
        await this.images.discard(this.client, s);
      }
    }
    return { status: res.status, storedDespiteError: stored };
  }

  /** Adds a tag; returns the status, for a case to judge. */
  async tryAddTag(imageId: string, tag: string, as: Creator = "owner"): Promise<number> {
    const known = this.images.known(imageId);
    this.images.setKnown(imageId, undefined);
    const status = (await this.call("addImageTag", as, { image_id: imageId, tag }, [204])).status;
    if (status === 204 && known !== undefined)
      this.images.setKnown(imageId, known.includes(tag) ? known : [...known, tag]);
    return status;
  }

  /** The image's tags, as its creator sees them (and, from now on, as the run knows them). */
  async tagsOf(imageId: string, as: Creator = "owner"): Promise<string[]> {
    const res = await this.call("showImage", as, { image_id: imageId }, [200]);
    this.expect(res, 200, `showing image ${imageId}`);
    const view = jsonObject(res);
    const tags = stringsOf(view?.["tags"]);
    if (view === undefined || tags === undefined)
      throw new FixtureError("setup failed: the image has no tags array", res.exchange);
    this.images.setKnown(imageId, tags);
    this.seen(imageId, as, view, false);
    return [...tags];
  }

  /** The tags the run knows the image carries, when it knows (it saw every change since it last read them). */
  knownTags(imageId: string): string[] | undefined {
    return this.images.known(imageId);
  }

  /** The image's tags are no longer known for sure (a request whose effect is about to be judged). */
  forget(imageId: string): void {
    this.images.setKnown(imageId, undefined);
  }

  /** The status a principal gets when showing the image: 200 when visible, 404 when not. */
  async showStatus(imageId: string, as: Principal): Promise<number> {
    return (await this.call("showImage", as, { image_id: imageId }, [200, 404])).status;
  }

  /** The alt identity's project id: given by the user, or learned once from a scratch image alt creates. */
  altProjectId(): Promise<string> {
    const known = this.images.knownAltProject;
    this.images.altProject ??=
      known === undefined
        ? (async () => {
            const id = await this.createImage("alt-probe", { as: "alt" });
            const res = await this.call("showImage", "alt", { image_id: id }, [200]);
            const owner = jsonObject(res)?.["owner"];
            if (typeof owner !== "string")
              throw new FixtureError(
                "setup failed: cannot learn the alt project id (no owner)",
                res.exchange,
              );
            return owner;
          })()
        : Promise.resolve(known);
    return this.images.altProject;
  }

  /** Shares an owner's image with the alt project, and alt accepts: alt may then see it but not modify it. */
  async shareWithAlt(imageId: string): Promise<void> {
    const member = await this.altProjectId();
    this.expect(
      await this.call("createImageMember", "owner", { image_id: imageId }, [200], { member }),
      200,
      "adding the alt project as a member",
    );
    const accepted = await this.call(
      "updateImageMember",
      "alt",
      { image_id: imageId, member_id: member },
      [200],
      { status: "accepted" },
    );
    this.expect(accepted, 200, "accepting the share as alt");
  }

  /**
   * Deletes an image of this run at once, so a scenario that creates one per case never holds more than a few
   * (live clouds have image quotas). If the delete fails, the image stays for the cleanup at the end.
   */
  discard(imageId: string): Promise<void> {
    return this.images.discard(this.client, imageId);
  }
}
