import fc from "fast-check";
import { tagArbitraries } from "../../generators/tagArbitraries";
import { pathSafe, tagRules } from "../../generators/tagRules";
import { runProperty } from "../../src/engine/property/runProperty";
import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";
import { scratchImage, swapCase } from "./scratchImage";

/** Property 7: deleting t never touches another tag, also when that tag is a prefix, suffix or case variant of t. */
export const isolationProperty: Scenario = {
  id: "204-prop-isolation",
  title: "deleting a tag never touches a related tag (prefix, suffix, extension, case variant)",
  status: 204,
  kind: "property",
  tier: "core",
  expected:
    "for every valid tag t and a related valid tag r: deleting t gives 204 and leaves r and every other tag",
  needs: [],
  profiles: "every profile",
  appliesTo: documents(204),
  run: (ctx) => {
    const image = scratchImage(ctx, "p7-isolation");
    const accepts = (t: string): boolean => ctx.profile.checkTag(t).length === 0;
    const valid = tagArbitraries(ctx.profile).valid;
    const related = fc
      .tuple(valid, valid, fc.constantFrom("prefix", "suffix", "extension", "case-variant"))
      .map(([t, x, how]) => ({
        tag: t.tag,
        tagClass: t.tagClass,
        how,
        related:
          how === "prefix"
            ? t.tag.slice(0, Math.max(1, t.tag.length - 1))
            : how === "suffix"
              ? t.tag.slice(1)
              : how === "extension"
                ? `${t.tag}${x.tag}`
                : swapCase(t.tag),
      }));
    const cases = related.filter(
      (c) =>
        c.related !== c.tag &&
        c.related.length > 0 &&
        // A documented maximum is in the schema; without one, generated tags stay within the Image API's 255.
        Array.from(c.related).length <= tagRules(ctx.profile).generationMax &&
        accepts(c.related) &&
        pathSafe(c.related) &&
        ![c.tag, c.related].some((t) => ctx.tags.others.includes(t)),
    );
    return runProperty(ctx, cases, async (c, { probe, classify }) => {
      classify(c.how);
      const id = await image();
      if (!(await probe.addTag(id, c.related)) || !(await probe.addTag(id, c.tag))) return;
      await probe.deleteTag({ as: "owner", imageId: id, tag: c.tag, expect: 204, tags: "removed" });
      await probe.deleteTag({ as: "owner", imageId: id, tag: c.related, expect: 204, tags: "removed" });
    });
  },
};
