import { canModify, canSee, type ImageRecord } from "../reference/ImageRecord";
import { fail, type RefRequest, type ReferenceBehaviour } from "../reference/RefExchange";
import { inputSpaceMutants } from "./inputSpaceMutants";
import { wrapDeleteTag, type Mutant } from "./Mutant";

const param = (req: { readonly params: Readonly<Record<string, string>> }, name: string): string =>
  req.params[name] ?? "";
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A mutant that lets allowed callers delete a present tag of any image, skipping visibility and ownership. */
function bypassPermissions(
  b: ReferenceBehaviour,
  allowed: (image: ImageRecord, req: RefRequest) => boolean,
): ReferenceBehaviour {
  return wrapDeleteTag(b, (inner) => (req, ctx) => {
    const image = ctx.images.get(param(req, "image_id"));
    const tag = param(req, "tag");
    if (image === undefined || !image.tags.includes(tag) || !allowed(image, req)) return inner(req, ctx);
    image.tags = image.tags.filter((t) => t !== tag);
    return { status: 204 };
  });
}

/**
 * The deliberately broken variants of the reference, one defect each, with the rows (huawei-ims, seed 1) and
 * scenarios that must catch it. `serve --mutant NAME` serves one; `image-tag-conformance mutants` scores them all.
 */
export const mutants: readonly Mutant[] = [
  {
    name: "status-200",
    defect: "answers 200 instead of 204 after deleting the tag",
    rows: [204, 404],
    scenarios: ["204-delete-present-tag"],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => async (req, ctx) => {
        const res = await inner(req, ctx);
        return res.status === 204 ? { status: 200 } : res;
      }),
  },
  {
    // node:http (like RFC 9110 §15.3.5) never sends a body with 204, so a body on success comes with 200.
    name: "success-with-body",
    defect: "answers 200 with a JSON body describing the deletion instead of 204 and no body",
    rows: [204, 404],
    scenarios: ["204-delete-present-tag", "204-prop-delete-present"],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => async (req, ctx) => {
        const res = await inner(req, ctx);
        return res.status === 204
          ? { status: 200, json: { image_id: param(req, "image_id"), deleted: param(req, "tag") } }
          : res;
      }),
  },
  {
    name: "tag-kept",
    defect: "answers 204 but keeps the tag",
    rows: [204, 404],
    scenarios: ["204-delete-present-tag", "404-tag-deleted-twice"],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => async (req, ctx) => {
        const image = ctx.images.get(param(req, "image_id"));
        const before = image === undefined ? [] : [...image.tags];
        const res = await inner(req, ctx);
        if (image !== undefined) image.tags = before;
        return res;
      }),
  },
  {
    name: "all-tags-deleted",
    defect: "deletes every tag of the image, not only the one named",
    rows: [204, 404],
    scenarios: ["204-delete-present-tag"],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => async (req, ctx) => {
        const res = await inner(req, ctx);
        const image = ctx.images.get(param(req, "image_id"));
        if (res.status === 204 && image !== undefined) image.tags = [];
        return res;
      }),
  },
  {
    name: "prefix-delete",
    defect: "deletes every tag that starts with the tag named",
    rows: [204],
    scenarios: ["204-prop-delete-present"],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => async (req, ctx) => {
        const res = await inner(req, ctx);
        const image = ctx.images.get(param(req, "image_id"));
        if (res.status === 204 && image !== undefined)
          image.tags = image.tags.filter((t) => !t.startsWith(param(req, "tag")));
        return res;
      }),
  },
  {
    name: "case-insensitive",
    defect: "matches tags case-insensitively: deleting a case variant deletes the tag",
    rows: [404],
    scenarios: ["404-prop-absent-tag"],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => (req, ctx) => {
        const tag = param(req, "tag").toLowerCase();
        const match = ctx.images.get(param(req, "image_id"))?.tags.find((t) => t.toLowerCase() === tag);
        return inner(match === undefined ? req : { ...req, params: { ...req.params, tag: match } }, ctx);
      }),
  },
  {
    name: "wrong-image",
    defect: "deletes the tag from the caller's oldest image that has it, not from the image named",
    rows: [204, 404],
    scenarios: ["204-other-image-untouched"],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => (req, ctx) => {
        const tag = param(req, "tag");
        const first = [...ctx.images.values()].find(
          (i) => i.owner === req.identity.projectId && i.tags.includes(tag),
        );
        return inner(
          first === undefined ? req : { ...req, params: { ...req.params, image_id: first.id } },
          ctx,
        );
      }),
  },
  {
    name: "absent-tag-204",
    defect: "answers 204 when the tag is not on the image",
    rows: [204, 404],
    scenarios: ["404-absent-tag", "404-prop-absent-tag"],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => (req, ctx) => {
        const image = ctx.images.get(param(req, "image_id"));
        const tag = param(req, "tag");
        const mine =
          image !== undefined &&
          canSee(image, req.identity.projectId) &&
          canModify(image, req.identity.projectId);
        const wellFormed = req.body.length === 0 && ctx.profile.checkTag(tag).length === 0;
        return mine && wellFormed && !image.tags.includes(tag) ? { status: 204 } : inner(req, ctx);
      }),
  },
  {
    name: "missing-image-204",
    defect: "answers 204 when the image does not exist",
    rows: [404],
    scenarios: ["404-missing-image", "404-prop-missing-image"],
    apply: (b) =>
      wrapDeleteTag(
        b,
        (inner) => (req, ctx) => (ctx.images.has(param(req, "image_id")) ? inner(req, ctx) : { status: 204 }),
      ),
  },
  {
    name: "token-ignored",
    defect: "ignores the token: a request with no or a bad token acts as the owner",
    rows: [401],
    scenarios: ["401-no-token", "401-prop-no-valid-token"],
    apply: (b) => ({ ...b, authenticate: (token, ids) => b.authenticate(token, ids) ?? ids[0] }),
  },
  {
    name: "unauthenticated-403",
    defect: "answers 403 instead of 401 to a request without a valid token",
    rows: [401],
    scenarios: ["401-no-token", "401-malformed-token"],
    apply: (b) => ({ ...b, unauthenticated: () => fail(403, "Forbidden") }),
  },
  {
    name: "no-www-authenticate",
    defect: "answers 401 without the WWW-Authenticate header (RFC 9110 §15.5.2)",
    rows: [401],
    scenarios: ["401-no-token"],
    apply: (b) => ({ ...b, unauthenticated: () => fail(401, "Authentication required.") }),
  },
  {
    // Glance's allow_anonymous_access lets a request without a token read public images; a service that also
    // lets it reach the delete answers 403 (not the owner) where RFC 9110 §15.5.2 and the api-ref say 401.
    name: "anonymous-public-403",
    defect:
      "lets a request without a valid token through as anonymous on a public or community image: 403, not 401",
    rows: [401],
    scenarios: ["401-prop-no-valid-token-other"],
    apply: (b) => ({
      ...b,
      subjectHook: (call) => {
        const image = call.ctx.images.get(call.params["image_id"] ?? "");
        return call.identity === undefined &&
          (image?.visibility === "public" || image?.visibility === "community")
          ? { kind: "respond", response: fail(403, "You are not permitted to modify this image.") }
          : b.subjectHook?.(call);
      },
    }),
  },
  {
    name: "cross-project-delete",
    defect: "lets any project delete tags of any image, private or shared",
    rows: [403, 404],
    scenarios: [
      "403-shared-image-not-modifiable",
      "404-other-project-private-image",
      "403-prop-not-own-image",
    ],
    apply: (b) => bypassPermissions(b, (_image, req) => req.body.length === 0),
  },
  {
    name: "shared-member-delete",
    defect: "lets a member project delete tags of an image shared with it",
    rows: [403],
    scenarios: ["403-shared-image-not-modifiable"],
    apply: (b) => bypassPermissions(b, (image, req) => image.members.has(req.identity.projectId)),
  },
  {
    name: "shared-404",
    defect: "answers 404 instead of 403 for a visible image the caller may not modify",
    rows: [403],
    scenarios: ["403-shared-image-not-modifiable"],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => async (req, ctx) => {
        const res = await inner(req, ctx);
        return res.status === 403 ? fail(404, "No image found.") : res;
      }),
  },
  {
    name: "private-403",
    defect: "answers 403 instead of 404 for another project's private image (reveals that it exists)",
    rows: [404],
    scenarios: ["404-other-project-private-image"],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => (req, ctx) => {
        const image = ctx.images.get(param(req, "image_id"));
        const hidden = image !== undefined && !canSee(image, req.identity.projectId);
        return hidden ? fail(403, "You are not permitted to modify this image.") : inner(req, ctx);
      }),
  },
  {
    name: "body-accepted",
    defect: "processes a DELETE with a request body as if it had none",
    rows: [400],
    scenarios: ["400-request-body", "400-prop-request-body"],
    apply: (b) => wrapDeleteTag(b, (inner) => (req, ctx) => inner({ ...req, body: Buffer.alloc(0) }, ctx)),
  },
  {
    name: "trim-before-validation",
    defect: "strips surrounding whitespace from the tag before validating it",
    rows: [400],
    scenarios: ["400-prop-invalid-tag"],
    apply: (b) =>
      wrapDeleteTag(
        b,
        (inner) => (req, ctx) =>
          inner({ ...req, params: { ...req.params, tag: param(req, "tag").trim() } }, ctx),
      ),
  },
  {
    name: "alphabet-not-enforced",
    defect: "accepts tags outside the documented alphabet (no 400; an absent tag answers 404)",
    rows: [400],
    scenarios: ["400-tag-outside-schema", "400-prop-invalid-tag"],
    apply: (b) =>
      wrapDeleteTag(
        b,
        (inner) => (req, ctx) => inner(req, { ...ctx, profile: { ...ctx.profile, checkTag: () => [] } }),
      ),
  },
  {
    name: "non-ascii-500",
    defect: "answers 500 to any tag with a non-ASCII character",
    rows: [400, 403, 404],
    scenarios: ["400-prop-invalid-tag"],
    apply: (b) =>
      wrapDeleteTag(
        b,
        (inner) => (req, ctx) =>
          /[^\u0020-\u007e]/.test(param(req, "tag")) ? fail(500, "UnicodeEncodeError") : inner(req, ctx),
      ),
  },
  {
    name: "long-tag-500",
    defect: "answers 500 to a tag longer than 64 characters",
    rows: [204, 400, 403, 404],
    scenarios: ["204-prop-delete-present"],
    apply: (b) =>
      wrapDeleteTag(
        b,
        (inner) => (req, ctx) =>
          param(req, "tag").length > 64 ? fail(500, "value too long for column") : inner(req, ctx),
      ),
  },
  {
    name: "percent-500",
    defect: "answers 500 to a tag containing a percent sign (decodes it twice)",
    rows: [400, 403],
    scenarios: ["400-prop-invalid-tag"],
    apply: (b) =>
      wrapDeleteTag(
        b,
        (inner) => (req, ctx) =>
          param(req, "tag").includes("%") ? fail(500, "URI malformed") : inner(req, ctx),
      ),
  },
  {
    name: "error-code-number",
    defect: "error bodies carry code as a number, against the documented schema",
    rows: [204, 400, 401, 403, 404, 500, 503],
    scenarios: ["404-absent-tag"],
    apply: (b) => ({
      ...b,
      renderError: (status, message, accept) => {
        const out = b.renderError(status, message, accept);
        return out.contentType === "application/json"
          ? { ...out, body: JSON.stringify({ ...(JSON.parse(out.body) as object), code: status }) }
          : out;
      },
    }),
  },
  {
    name: "error-text-plain",
    defect: "answers errors as text/plain even when the client accepts only JSON",
    rows: [204, 400, 401, 403, 404, 500, 503],
    scenarios: ["404-absent-tag"],
    apply: (b) => ({ ...b, renderError: (status, message) => b.renderError(status, message, "text/plain") }),
  },
  {
    name: "tag-delete-deletes-image",
    defect: "deletes the whole image when asked to delete one of its tags (answers 204)",
    rows: [204, 404],
    scenarios: ["204-delete-present-tag"],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => async (req, ctx) => {
        const res = await inner(req, ctx);
        if (res.status === 204) ctx.images.delete(param(req, "image_id"));
        return res;
      }),
  },
  {
    name: "late-204-body",
    defect: "answers 204, then writes content on the connection 50 ms after the headers (RFC 9110 §15.3.5)",
    rows: [204, 404],
    scenarios: ["204-delete-present-tag"],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => async (req, ctx) => {
        const res = await inner(req, ctx);
        return res.status === 204
          ? { status: 204, trailing: { bytes: '{"deleted":true}', afterMs: 50 } }
          : res;
      }),
  },
  {
    name: "flagged-tag-500",
    defect: "answers 500 to deleting a tag with a non-ASCII character (a tag a flag covers)",
    profile: "openstack-glance",
    rows: [204, 400, 403, 404],
    scenarios: ["204-flagged-non-ascii-in-path"],
    apply: (b) =>
      wrapDeleteTag(
        b,
        (inner) => (req, ctx) =>
          /[\u0080-\u{10ffff}]/u.test(param(req, "tag")) ? fail(500, "UnicodeEncodeError") : inner(req, ctx),
      ),
  },
  {
    name: "lost-update",
    defect: "reads the tags, waits, then writes them back: concurrent deletes lose updates",
    expects: "finding",
    rows: [],
    scenarios: ["204-concurrent-distinct-tags"],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => async (req, ctx) => {
        const image = ctx.images.get(param(req, "image_id"));
        if (image === undefined || !image.tags.includes(param(req, "tag"))) return inner(req, ctx);
        // Read, wait, write: a concurrent delete in between is overwritten. The wait is wide enough (100 ms) that
        // deletes sent together still overlap on a loaded machine, where 5 ms let them arrive one after another.
        const snapshot = [...image.tags];
        await sleep(100);
        const res = await inner(req, ctx);
        if (res.status === 204) image.tags = snapshot.filter((t) => t !== param(req, "tag"));
        return res;
      }),
  },
];

/** Every broken variant: the catalog, then the defects of the input space the review found. */
export const allMutants: readonly Mutant[] = [...mutants, ...inputSpaceMutants];

export function findMutant(name: string): Mutant | undefined {
  return allMutants.find((m) => m.name === name);
}
