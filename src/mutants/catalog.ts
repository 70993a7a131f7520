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
    caughtBy: [404],
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
];

export function findMutant(name: string): Mutant | undefined {
  return mutants.find((m) => m.name === name);
}
