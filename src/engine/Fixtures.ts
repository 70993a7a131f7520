import type { Principal } from "../http/Exchange";
import { expandPath } from "../http/expandPath";
import type { HttpClient, HttpResponse } from "../http/HttpClient";
import type { FixtureOperationId, Profile } from "../profile/Profile";
import { FixtureError } from "./FixtureError";

export type Creator = "owner" | "alt";
export type CreatableVisibility = "private" | "shared";

interface Created {
  readonly id: string;
  readonly as: Creator;
}

export interface CleanupResult {
  readonly created: number;
  readonly deleted: number;
  /** Images that could not be deleted, with why: a user must know what the run left behind. */
  readonly leftBehind: readonly { readonly imageId: string; readonly why: string }[];
}

/**
 * The run's scratch images: created through the profile's fixture operations, named after the run, and the
 * only images the suite ever modifies. Every one is deleted by cleanup(), also after a failure or Ctrl-C.
 */
export class Fixtures {
  private readonly created: Created[] = [];
  /** Images deleted before the end of the run (discard), still counted as created and deleted. */
  private discarded = 0;
  private altProject: string | undefined;

  constructor(
    private readonly client: HttpClient,
    private readonly profile: Profile,
    private readonly runId: string,
    knownAltProject: string | undefined,
  ) {
    this.altProject = knownAltProject;
  }

  private async call(
    op: FixtureOperationId,
    as: Principal,
    params: Record<string, string>,
    json?: unknown,
    client = this.client,
  ): Promise<HttpResponse> {
    const spec = this.profile.fixtures.get(op);
    if (spec === undefined) throw new FixtureError(`the profile has no ${op} operation`, undefined);
    const res = await client.send({
      operationId: op,
      method: spec.method.toUpperCase() as "GET",
      path: expandPath(spec.pathTemplate, params),
      as,
      json,
    });
    return res;
  }

  private expect(res: HttpResponse, status: number, what: string): void {
    if (res.status !== status) {
      const detail = res.text.slice(0, 200).replace(/\s+/g, " ");
      throw new FixtureError(
        `setup failed: ${what} answered ${res.status}, expected ${status}${detail ? ` (${detail})` : ""}`,
        res.exchange,
      );
    }
  }

  private static json(res: HttpResponse, what: string): Record<string, unknown> {
    try {
      const value: unknown = JSON.parse(res.text);
      if (typeof value === "object" && value !== null) return value as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw new FixtureError(`setup failed: ${what} did not answer a JSON object`, res.exchange);
  }

  /** A new image owned by the creator's project, carrying exactly these tags. */
  async createImage(
    label: string,
    options: { as?: Creator; visibility?: CreatableVisibility; tags?: readonly string[] } = {},
  ): Promise<string> {
    const as = options.as ?? "owner";
    const { res, id } = await this.sendCreate(label, as, options.visibility ?? "private", options.tags ?? []);
    this.expect(res, 201, `creating scratch image itc-${this.runId}-${label}`);
    if (id === undefined) throw new FixtureError("setup failed: the created image has no id", res.exchange);
    const tags = await this.tagsOf(id, as);
    const missing = (options.tags ?? []).filter((t) => !tags.includes(t));
    for (const tag of missing) {
      this.expect(await this.call("addImageTag", as, { image_id: id, tag }), 204, `adding tag ${tag}`);
    }
    return id;
  }

  /** Creates a private image of the owner with these tags in the body, for a case to judge: its status and id. */
  async tryCreateImage(label: string, tags: readonly string[]): Promise<{ status: number; id?: string }> {
    const { res, id } = await this.sendCreate(label, "owner", "private", tags);
    return { status: res.status, ...(id === undefined ? {} : { id }) };
  }

  /** Sends createImage; an image that was created is registered for cleanup. */
  private async sendCreate(
    label: string,
    as: Creator,
    visibility: CreatableVisibility,
    tags: readonly string[],
  ): Promise<{ res: HttpResponse; id: string | undefined }> {
    const name = `itc-${this.runId}-${label}`;
    const res = await this.call("createImage", as, {}, { name, visibility, tags });
    if (res.status !== 201) return { res, id: undefined };
    const id = Fixtures.json(res, "createImage")["id"];
    if (typeof id !== "string") return { res, id: undefined };
    this.created.push({ id, as });
    return { res, id };
  }

  /** Adds a tag; returns the status, for a case to judge. */
  async tryAddTag(imageId: string, tag: string, as: Creator = "owner"): Promise<number> {
    return (await this.call("addImageTag", as, { image_id: imageId, tag })).status;
  }

  /** The image's tags, as its creator sees them. */
  async tagsOf(imageId: string, as: Creator = "owner"): Promise<string[]> {
    const res = await this.call("showImage", as, { image_id: imageId });
    this.expect(res, 200, `showing image ${imageId}`);
    const tags = Fixtures.json(res, "showImage")["tags"];
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === "string")) {
      throw new FixtureError("setup failed: the image has no tags array", res.exchange);
    }
    return tags;
  }

  /** The status a principal gets when showing the image: 200 when visible, 404 when not. */
  async showStatus(imageId: string, as: Principal): Promise<number> {
    return (await this.call("showImage", as, { image_id: imageId })).status;
  }

  /** The alt identity's project id: given by the user, or learned from the owner of a scratch image alt creates. */
  async altProjectId(): Promise<string> {
    if (this.altProject !== undefined) return this.altProject;
    const id = await this.createImage("alt-probe", { as: "alt" });
    const res = await this.call("showImage", "alt", { image_id: id });
    const owner = Fixtures.json(res, "showImage")["owner"];
    if (typeof owner !== "string")
      throw new FixtureError("setup failed: cannot learn the alt project id (no owner)", res.exchange);
    this.altProject = owner;
    return owner;
  }

  /** Shares an owner's image with the alt project, and alt accepts: alt may then see it but not modify it. */
  async shareWithAlt(imageId: string): Promise<void> {
    const member = await this.altProjectId();
    this.expect(
      await this.call("createImageMember", "owner", { image_id: imageId }, { member }),
      200,
      "adding the alt project as a member",
    );
    const accepted = await this.call(
      "updateImageMember",
      "alt",
      { image_id: imageId, member_id: member },
      { status: "accepted" },
    );
    this.expect(accepted, 200, "accepting the share as alt");
  }

  /**
   * Deletes an image of this run at once, so a scenario that creates one per case never holds more than a few
   * (live clouds have image quotas). If the delete fails, the image stays for the cleanup at the end.
   */
  async discard(imageId: string): Promise<void> {
    const image = this.created.find((c) => c.id === imageId);
    if (image === undefined) return;
    if ((await this.remove(image, this.client)) !== undefined) return;
    // Looked up again: the list may have changed while the delete was under way.
    this.created.splice(this.created.indexOf(image), 1);
    this.discarded += 1;
  }

  /** Deletes one image of this run: undefined once it is gone (204, or 404: already gone), else why not. */
  private async remove(image: Created, client: HttpClient): Promise<string | undefined> {
    const res = await this.call("deleteImage", image.as, { image_id: image.id }, undefined, client);
    return res.status === 204 || res.status === 404 ? undefined : `delete answered ${res.status}`;
  }

  /** Deletes every image this run created, newest first, with the client given (one that Ctrl-C does not stop). */
  async cleanup(client: HttpClient): Promise<CleanupResult> {
    const leftBehind: { imageId: string; why: string }[] = [];
    const images = [...this.created].reverse();
    let deleted = 0;
    for (const image of images) {
      try {
        const why = await this.remove(image, client);
        if (why === undefined) deleted += 1;
        else leftBehind.push({ imageId: image.id, why });
      } catch (error) {
        leftBehind.push({ imageId: image.id, why: error instanceof Error ? error.message : String(error) });
      }
    }
    this.created.length = 0;
    const early = this.discarded;
    this.discarded = 0;
    return { created: images.length + early, deleted: deleted + early, leftBehind };
  }
}
