import { principalLabel, type Principal } from "../http/Exchange";
import { expandPath } from "../http/expandPath";
import type { HttpClient, HttpResponse } from "../http/HttpClient";
import type { Profile } from "../profile/Profile";
import { check, coreCheck, type Check } from "./checks/Check";
import { checkResponse } from "./checks/checkResponse";
import { checkTagRemoved, checkTagsUnchanged } from "./checks/checkTags";
import { FixtureError } from "./FixtureError";
import type { Creator, Fixtures } from "./Fixtures";

export interface DeleteTagRequest {
  readonly as: Principal;
  readonly imageId: string;
  readonly tag: string;
  /** The status (or statuses) the documents call for. */
  readonly expect: number | readonly number[];
  /**
   * Flagged scenarios only: the statuses the flag allows instead of the rule. Given (even empty), a status
   * that is neither expected nor allowed breaks a rule of every tier.
   */
  readonly excused?: readonly number[];
  /** Read the image's tags before and after (judged by the status got), or not (no image to read). */
  readonly tags: "check" | "skip";
  /** The tag a 204 must remove, when it is not `tag` itself (a flag's "the path names another tag"). */
  readonly removes?: string;
  /** Who can read the image's tags; its creator. */
  readonly reader?: Creator;
  /** A JSON request body, which this operation does not take. */
  readonly json?: unknown;
}

/** The status check: expected, or allowed by a flag (a deviation it excuses), or neither. */
export function statusCheck(
  status: number,
  expected: readonly number[],
  excused: readonly number[] | undefined,
  source: string,
): Check {
  const want = expected.join(" or ");
  if (expected.includes(status)) return check("status", true, `expected ${want}, got ${status}`, source);
  if (excused === undefined) return check("status", false, `expected ${want}, got ${status}`, source);
  if (excused.includes(status))
    return check("status", false, `expected ${want}, got ${status}, a deviation the flag allows`, source);
  return coreCheck(
    "status",
    false,
    `expected ${want}, got ${status}, which neither the rule nor its flag allows`,
    source,
  );
}

/**
 * In a flagged scenario (excused given), the only failure a flag may excuse is an allowed status; every other
 * failed check binds every tier.
 */
function bindingUnlessExcused(c: Check): Check {
  return c.ok || c.core === true || c.rule === "status" ? c : { ...c, core: true };
}

/** Sends the subject request of a scenario and records every check made on the answer and the state after it. */
export class Probe {
  readonly checks: Check[] = [];
  readonly observations: string[] = [];
  /** Set once the subject request has been sent: a failure after it is the target's, never "setup failed". */
  subjectSent = false;

  /** The last subject request's exchange: a field change found on a later read is charged to it. */
  private lastSubjectSeq: number | undefined;

  constructor(
    private readonly client: HttpClient,
    private readonly fixtures: Fixtures,
    private readonly profile: Profile,
  ) {
    // Every read of an image while this probe's case runs, in any tier, is compared with the view before it.
    fixtures.watchFields((c) => {
      this.checks.push(this.lastSubjectSeq === undefined ? c : { ...c, seq: this.lastSubjectSeq });
    });
  }

  /** A fact the scenario relies on, checked on the target (for example: alt can see the shared image). */
  precondition(rule: string, ok: boolean, detail: string): void {
    this.checks.push(check(rule, ok, detail, "scenario precondition"));
  }

  /** Records a check the scenario made itself. */
  record(c: Check): void {
    this.checks.push(c);
  }

  /**
   * After the subject request, a fixture step that failed (reading the image back) is the target's doing: it is
   * recorded as a failed check, with its evidence. Returns whether the error was so charged.
   */
  chargeAfterSubject(error: unknown): boolean {
    if (!(error instanceof FixtureError) || !this.subjectSent) return false;
    this.record(
      coreCheck(
        "the image can be read back after the subject request",
        false,
        error.message,
        "a tag delete changes no image",
      ),
    );
    return true;
  }

  /** Adds a tag as a step of a case; a refusal is a failed check (the tag is valid per the profile). */
  async addTag(
    imageId: string,
    tag: string,
    as: Creator = "owner",
    excused?: readonly number[],
  ): Promise<number> {
    const status = await this.fixtures.tryAddTag(imageId, tag, as);
    const c = statusCheck(status, [204], excused, `OpenAPI ${this.profile.id}: addImageTag`);
    this.checks.push({
      ...c,
      rule: "adding a valid tag answers 204",
      detail: `PUT tag ${JSON.stringify(tag)}: ${c.detail}`,
    });
    return status;
  }

  /**
   * The subject request with every check of its answer (the status among them) but no reads of the image: a
   * plan judges the image's state itself, once after the requests that change nothing.
   */
  async subject(req: {
    readonly as: Principal;
    readonly imageId: string;
    readonly tag: string;
    readonly expect: readonly number[];
    readonly json?: unknown;
  }): Promise<HttpResponse> {
    this.fixtures.forget(req.imageId);
    const res = await this.sendDelete(req.as, req.imageId, req.tag, req.json, req.expect);
    const seq = res.exchange.seq;
    this.checks.push(
      ...[
        statusCheck(
          res.status,
          req.expect,
          undefined,
          `OpenAPI ${this.profile.id}: DELETE ${this.profile.subject.pathTemplate}`,
        ),
        ...checkResponse(this.profile.subject, res, req.expect, this.profile.id).filter(
          (c) => c.rule !== "status",
        ),
      ].map((c) => ({ ...c, seq })),
    );
    this.observations.push(
      `DELETE ${JSON.stringify(req.tag).slice(0, 60)} as ${principalLabel(req.as)} → ${res.status}`,
    );
    return res;
  }

  /** The subject request alone, with the response checks but no tag snapshots: for requests sent in parallel. */
  async deleteTagOnly(
    as: Principal,
    imageId: string,
    tag: string,
    expect: readonly number[],
  ): Promise<HttpResponse> {
    this.fixtures.forget(imageId);
    const res = await this.sendDelete(as, imageId, tag, undefined, expect);
    this.checks.push(
      ...checkResponse(this.profile.subject, res, expect, this.profile.id).filter((c) => c.rule !== "status"),
    );
    return res;
  }

  /** The subject request: DELETE on the profile's path template, on a connection watched for late content. */
  private sendDelete(
    as: Principal,
    imageId: string,
    tag: string,
    json: unknown,
    expect: readonly number[],
  ): Promise<HttpResponse> {
    const subject = this.profile.subject;
    this.subjectSent = true;
    const sent = this.client.send({
      operationId: subject.operationId,
      method: "DELETE",
      path: expandPath(subject.pathTemplate, { image_id: imageId, tag }),
      as,
      json,
      expect,
      watched: true,
    });
    return sent.then((res) => {
      this.lastSubjectSeq = res.exchange.seq;
      return res;
    });
  }

  async deleteTag(req: DeleteTagRequest): Promise<HttpResponse> {
    const reader = req.reader ?? "owner";
    const check = req.tags === "check";
    // The run's own record of the image's tags when it has one (it created the image and saw every change).
    const before = !check
      ? []
      : (this.fixtures.knownTags(req.imageId) ?? (await this.fixtures.tagsOf(req.imageId, reader)));
    const expected = typeof req.expect === "number" ? [req.expect] : req.expect;
    this.fixtures.forget(req.imageId);
    const res = await this.sendDelete(req.as, req.imageId, req.tag, req.json, [
      ...expected,
      ...(req.excused ?? []),
    ]);
    const doc = `OpenAPI ${this.profile.id}: ${this.profile.subject.method.toUpperCase()} ${this.profile.subject.pathTemplate}`;
    const seq = res.exchange.seq;
    const judged = (cs: readonly Check[]): Check[] =>
      (req.excused === undefined ? [...cs] : cs.map(bindingUnlessExcused)).map((c) => ({ ...c, seq }));
    this.checks.push(
      { ...statusCheck(res.status, expected, req.excused, doc), seq },
      ...judged(
        checkResponse(this.profile.subject, res, expected, this.profile.id).filter(
          (c) => c.rule !== "status",
        ),
      ),
    );
    const type = res.headers["content-type"];
    let observed = `DELETE as ${principalLabel(req.as)} → ${res.status}${res.text.length > 0 ? ` with a body (${type ?? "no Content-Type"}, ${res.text.length} chars)` : ", no body"}`;
    if (check) {
      let after: string[];
      try {
        after = await this.fixtures.tagsOf(req.imageId, reader);
      } catch (error) {
        // The subject request was sent: whatever went wrong reading the image back is the target's doing.
        if (!(error instanceof FixtureError)) throw error;
        this.checks.push(
          coreCheck(
            "the image is still there after the DELETE",
            false,
            error.message,
            "a tag delete changes no image",
          ),
        );
        this.observations.push(`${observed}; then ${error.message}`);
        return res;
      }
      const cs = judged(
        res.status >= 200 && res.status < 300
          ? checkTagRemoved(before, after, req.removes ?? req.tag)
          : [checkTagsUnchanged(before, after)],
      );
      this.checks.push(...cs);
      const bad = cs.filter((c) => !c.ok);
      observed += `; tags ${bad.length === 0 ? "as expected" : bad.map((c) => c.detail).join("; ")}`;
    }
    this.observations.push(observed);
    return res;
  }
}
