import { canModify, canSee } from "../reference/ImageRecord";
import { wrapDeleteTag, type Mutant } from "./Mutant";

/** The deliberately broken variants of the reference; `serve --mutant NAME` serves one. */
export const mutants: readonly Mutant[] = [
  {
    name: "status-200",
    defect: "answers 200 instead of 204 after deleting the tag",
    caughtBy: [204, 404],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => (req, ctx) => {
        const res = inner(req, ctx);
        return res.status === 204 ? { status: 200 } : res;
      }),
  },
  {
    name: "tag-kept",
    defect: "answers 204 but keeps the tag",
    caughtBy: [204, 404],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => (req, ctx) => {
        const image = ctx.images.get(req.params["image_id"] ?? "");
        const before = image === undefined ? [] : [...image.tags];
        const res = inner(req, ctx);
        if (image !== undefined) image.tags = before;
        return res;
      }),
  },
  {
    name: "all-tags-deleted",
    defect: "deletes every tag of the image, not only the one named",
    caughtBy: [204, 404],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => (req, ctx) => {
        const res = inner(req, ctx);
        const image = ctx.images.get(req.params["image_id"] ?? "");
        if (res.status === 204 && image !== undefined) image.tags = [];
        return res;
      }),
  },
  {
    name: "absent-tag-204",
    defect: "answers 204 when the tag is not on the image",
    caughtBy: [204, 404],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => (req, ctx) => {
        const image = ctx.images.get(req.params["image_id"] ?? "");
        const mine =
          image !== undefined &&
          canSee(image, req.identity.projectId) &&
          canModify(image, req.identity.projectId);
        const tag = req.params["tag"] ?? "";
        const wellFormed = req.body.length === 0 && ctx.profile.checkTag(tag).length === 0;
        if (mine && wellFormed && !image.tags.includes(tag)) return { status: 204 };
        return inner(req, ctx);
      }),
  },
  {
    name: "token-ignored",
    defect: "ignores the token: a request with no or a bad token acts as the owner",
    caughtBy: [401],
    apply: (b) => ({ ...b, authenticate: (token, ids) => b.authenticate(token, ids) ?? ids[0] }),
  },
  {
    name: "cross-project-delete",
    defect: "lets any project delete tags of any image, private or shared",
    caughtBy: [403, 404],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => (req, ctx) => {
        const image = ctx.images.get(req.params["image_id"] ?? "");
        const tag = req.params["tag"] ?? "";
        if (image !== undefined && req.body.length === 0 && image.tags.includes(tag)) {
          image.tags = image.tags.filter((t) => t !== tag);
          return { status: 204 };
        }
        return inner(req, ctx);
      }),
  },
  {
    name: "case-insensitive",
    defect: "matches tags case-insensitively: deleting a case variant deletes the tag",
    caughtBy: [204, 404],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => (req, ctx) => {
        const image = ctx.images.get(req.params["image_id"] ?? "");
        const tag = (req.params["tag"] ?? "").toLowerCase();
        const match = image?.tags.find((t) => t.toLowerCase() === tag);
        return inner(match === undefined ? req : { ...req, params: { ...req.params, tag: match } }, ctx);
      }),
  },
  {
    name: "prefix-delete",
    defect: "deletes every tag that starts with the tag named",
    caughtBy: [204],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => (req, ctx) => {
        const res = inner(req, ctx);
        const image = ctx.images.get(req.params["image_id"] ?? "");
        const tag = req.params["tag"] ?? "";
        if (res.status === 204 && image !== undefined)
          image.tags = image.tags.filter((t) => !t.startsWith(tag));
        return res;
      }),
  },
  {
    name: "non-ascii-500",
    defect: "answers 500 to any tag with a non-ASCII character",
    caughtBy: [400],
    apply: (b) =>
      wrapDeleteTag(
        b,
        (inner) => (req, ctx) =>
          // eslint-disable-next-line no-control-regex
          /[^\x00-\x7f]/.test(req.params["tag"] ?? "")
            ? { status: 500, error: "UnicodeEncodeError" }
            : inner(req, ctx),
      ),
  },
  {
    name: "alphabet-not-enforced",
    defect: "accepts tags outside the documented alphabet (no 400; an absent tag answers 404)",
    caughtBy: [400],
    apply: (b) =>
      wrapDeleteTag(
        b,
        (inner) => (req, ctx) => inner(req, { ...ctx, profile: { ...ctx.profile, checkTag: () => [] } }),
      ),
  },
];

export function findMutant(name: string): Mutant | undefined {
  return mutants.find((m) => m.name === name);
}
