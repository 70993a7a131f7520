import { baseOf } from "../../generators/space/derive";
import { fail, type Handler, type ReferenceBehaviour } from "../reference/RefExchange";
import { wrapDeleteTag, type Mutant } from "./Mutant";

const param = (req: { readonly params: Readonly<Record<string, string>> }, name: string): string =>
  req.params[name] ?? "";
const length = (s: string): number => Array.from(s).length;

/** A DELETE that answers 500 when the condition holds (before anything else is decided), faithful otherwise. */
function failWhen(
  b: ReferenceBehaviour,
  when: (req: Parameters<Handler>[0], ctx: Parameters<Handler>[1]) => boolean,
  why: string,
): ReferenceBehaviour {
  return wrapDeleteTag(b, (inner) => (req, ctx) => (when(req, ctx) ? fail(500, why) : inner(req, ctx)));
}

/** A successful DELETE that also changes something else of the image it names. */
function sideEffect(
  b: ReferenceBehaviour,
  change: (image: { name: string | null; visibility: string; fields: Record<string, unknown> }) => void,
): ReferenceBehaviour {
  return wrapDeleteTag(b, (inner) => async (req, ctx) => {
    const res = await inner(req, ctx);
    const image = ctx.images.get(param(req, "image_id"));
    if (res.status === 204 && image !== undefined) change(image);
    return res;
  });
}

/** A token taken for the owner's when it merely resembles it. */
function looseToken(
  b: ReferenceBehaviour,
  same: (token: string, real: string) => boolean,
): ReferenceBehaviour {
  return {
    ...b,
    authenticate: (token, ids) =>
      b.authenticate(token, ids) ??
      (token === undefined ? undefined : ids.find((i) => i.revoked !== true && same(token, i.token))),
  };
}

/**
 * The defects the hostile review of 27ef43b placed in front of the reference, which the suite then certified:
 * each is caught only when the inputs reach it. Scored under every profile that documents the input.
 */
export const inputSpaceMutants: readonly Mutant[] = [
  {
    name: "mid-length-500",
    defect: "answers 500 to any tag of 49 to 253 characters",
    profiles: ["huawei-ims", "openstack-glance"],
    rows: [],
    scenarios: [],
    apply: (b) =>
      failWhen(
        b,
        (req) => length(param(req, "tag")) >= 49 && length(param(req, "tag")) <= 253,
        "value too long for index",
      ),
  },
  {
    name: "only-tag-500",
    defect: "answers 500 when deleting an image's only tag",
    profiles: ["huawei-ims", "openstack-glance"],
    rows: [],
    scenarios: [],
    apply: (b) =>
      failWhen(
        b,
        (req, ctx) => {
          const image = ctx.images.get(param(req, "image_id"));
          return image !== undefined && image.tags.length === 1 && image.tags[0] === param(req, "tag");
        },
        "list index out of range",
      ),
  },
  {
    name: "all-digits-404",
    defect: "answers 404 to an all-digit tag that is present",
    profiles: ["huawei-ims", "openstack-glance"],
    rows: [],
    scenarios: [],
    apply: (b) =>
      wrapDeleteTag(b, (inner) => (req, ctx) => {
        const tag = param(req, "tag");
        const image = ctx.images.get(param(req, "image_id"));
        return /^[0-9]+$/.test(tag) && image?.tags.includes(tag) === true && req.body.length === 0
          ? fail(404, `Tag ${tag} not found`)
          : inner(req, ctx);
      }),
  },
  {
    name: "token-prefix-24",
    defect: "takes a token whose first 24 characters match the owner's",
    profiles: ["huawei-ims", "openstack-glance"],
    rows: [],
    scenarios: [],
    apply: (b) =>
      looseToken(b, (token, real) => token.length >= 24 && token.slice(0, 24) === real.slice(0, 24)),
  },
  {
    name: "token-case-insensitive",
    defect: "takes a token that matches the owner's when letter case is ignored",
    profiles: ["huawei-ims", "openstack-glance"],
    rows: [],
    scenarios: [],
    apply: (b) => looseToken(b, (token, real) => token.toLowerCase() === real.toLowerCase()),
  },
  {
    name: "delete-makes-public",
    defect: "a tag DELETE also makes the image public",
    profiles: ["huawei-ims", "openstack-glance"],
    rows: [],
    scenarios: [],
    apply: (b) => sideEffect(b, (image) => (image.visibility = "public")),
  },
  {
    name: "delete-renames",
    defect: "a tag DELETE also renames the image",
    profiles: ["huawei-ims", "openstack-glance"],
    rows: [],
    scenarios: [],
    apply: (b) => sideEffect(b, (image) => (image.name = `${image.name ?? ""}.`)),
  },
  {
    name: "delete-sets-min-disk",
    defect: "a tag DELETE also sets min_disk",
    profiles: ["huawei-ims", "openstack-glance"],
    rows: [],
    scenarios: [],
    apply: (b) => sideEffect(b, (image) => (image.fields["min_disk"] = 1)),
  },
  {
    name: "many-tags-500",
    defect: "answers 500 when the image carries more than 10 tags",
    profiles: ["huawei-ims", "openstack-glance"],
    rows: [],
    scenarios: [],
    apply: (b) =>
      failWhen(
        b,
        (req, ctx) => (ctx.images.get(param(req, "image_id"))?.tags.length ?? 0) > 10,
        "too many rows",
      ),
  },
  {
    name: "three-tags-500",
    defect: "answers 500 when the image carries exactly three tags",
    profiles: ["huawei-ims", "openstack-glance"],
    rows: [],
    scenarios: [],
    apply: (b) =>
      failWhen(b, (req, ctx) => ctx.images.get(param(req, "image_id"))?.tags.length === 3, "off by one"),
  },
  {
    name: "accent-variant-500",
    defect: "answers 500 when deleting a tag whose accent variant is also on the image (café / cafe)",
    profiles: ["openstack-glance"],
    rows: [],
    scenarios: [],
    apply: (b) =>
      failWhen(
        b,
        (req, ctx) => {
          const tag = param(req, "tag");
          const tags = ctx.images.get(param(req, "image_id"))?.tags ?? [];
          return tags.some(
            (t) => t !== tag && baseOf(t) === baseOf(tag) && t.normalize("NFC") !== tag.normalize("NFC"),
          );
        },
        "Duplicate entry for key 'image_tags'",
      ),
  },
  {
    name: "overlong-500",
    defect: "answers 500 to a tag over 255 characters sent with a valid token",
    profiles: ["openstack-glance"],
    rows: [],
    scenarios: [],
    apply: (b) => failWhen(b, (req) => length(param(req, "tag")) > 255, "Data too long for column 'value'"),
  },
  {
    name: "quote-500",
    defect: "answers 500 to a tag with a single quote (built into SQL by hand)",
    profiles: ["openstack-glance"],
    rows: [],
    scenarios: [],
    apply: (b) => failWhen(b, (req) => param(req, "tag").includes("'"), 'syntax error near "\'"'),
  },
];
