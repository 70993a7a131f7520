import { principalLabel, type Principal } from "../http/Exchange";
import { expandPath } from "../http/expandPath";
import type { HttpClient, HttpResponse } from "../http/HttpClient";
import type { Profile } from "../profile/Profile";
import { check, type Check } from "./checks/Check";
import { checkResponse } from "./checks/checkResponse";
import { checkTagRemoved, checkTagsUnchanged } from "./checks/checkTags";
import type { Creator, Fixtures } from "./Fixtures";

export interface DeleteTagRequest {
  readonly as: Principal;
  readonly imageId: string;
  readonly tag: string;
  /** The status (or statuses) the documents call for. */
  readonly expect: number | readonly number[];
  /** The image's tags afterwards: the tag removed and nothing else, unchanged, or not looked at (no image). */
  readonly tags: "removed" | "unchanged" | "skip";
  /** Who can read the image's tags; its creator. */
  readonly reader?: Creator;
  /** A JSON request body, which this operation does not take. */
  readonly json?: unknown;
}

/** Sends the subject request of a scenario and records every check made on the answer and the state after it. */
export class Probe {
  readonly checks: Check[] = [];
  readonly observations: string[] = [];

  constructor(
    private readonly client: HttpClient,
    private readonly fixtures: Fixtures,
    private readonly profile: Profile,
  ) {}

  /** A fact the scenario relies on, checked on the target (for example: alt can see the shared image). */
  precondition(rule: string, ok: boolean, detail: string): void {
    this.checks.push(check(rule, ok, detail, "scenario precondition"));
  }

  /** Records a check the scenario made itself. */
  record(c: Check): void {
    this.checks.push(c);
  }

  /** Adds a tag as a step of a case; a refusal is a failed check (the tag is valid per the profile). */
  async addTag(imageId: string, tag: string, as: Creator = "owner"): Promise<boolean> {
    const status = await this.fixtures.tryAddTag(imageId, tag, as);
    const ok = status === 204;
    this.checks.push(
      check(
        "adding a valid tag answers 204",
        ok,
        `PUT tag ${JSON.stringify(tag)} → ${status}`,
        `OpenAPI ${this.profile.id}: addImageTag`,
      ),
    );
    return ok;
  }

  /** The subject request alone, with the response checks but no tag snapshots: for requests sent in parallel. */
  async deleteTagOnly(
    as: Principal,
    imageId: string,
    tag: string,
    expect: readonly number[],
  ): Promise<HttpResponse> {
    const res = await this.sendDelete(as, imageId, tag, undefined);
    this.checks.push(
      ...checkResponse(this.profile.subject, res, expect, this.profile.id).filter((c) => c.rule !== "status"),
    );
    return res;
  }

  /** The subject request: DELETE on the profile's path template. */
  private sendDelete(as: Principal, imageId: string, tag: string, json: unknown): Promise<HttpResponse> {
    const subject = this.profile.subject;
    return this.client.send({
      operationId: subject.operationId,
      method: "DELETE",
      path: expandPath(subject.pathTemplate, { image_id: imageId, tag }),
      as,
      json,
    });
  }

  async deleteTag(req: DeleteTagRequest): Promise<HttpResponse> {
    const reader = req.reader ?? "owner";
    const before = req.tags === "skip" ? [] : await this.fixtures.tagsOf(req.imageId, reader);
    const res = await this.sendDelete(req.as, req.imageId, req.tag, req.json);
    const expected = typeof req.expect === "number" ? [req.expect] : req.expect;
    this.checks.push(...checkResponse(this.profile.subject, res, expected, this.profile.id));
    const type = res.headers["content-type"];
    let observed = `DELETE as ${principalLabel(req.as)} → ${res.status}${res.text.length > 0 ? ` with a body (${type ?? "no Content-Type"}, ${res.text.length} chars)` : ", no body"}`;
    if (req.tags !== "skip") {
      const after = await this.fixtures.tagsOf(req.imageId, reader);
      const c =
        req.tags === "removed" ? checkTagRemoved(before, after, req.tag) : checkTagsUnchanged(before, after);
      this.checks.push(c);
      observed += `; tags ${c.ok ? (req.tags === "removed" ? "as expected" : "unchanged") : c.detail}`;
    }
    this.observations.push(observed);
    return res;
  }
}
