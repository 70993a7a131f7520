import fc from "fast-check";
import { balanced } from "../../generators/balanced";
import { boundedFilter } from "../../generators/boundedFilter";
import { tagArbitraries } from "../../generators/tagArbitraries";
import { runProperty } from "../../src/engine/property/runProperty";
import type { Scenario } from "../../src/engine/Scenario";
import { documents } from "../documents";
import { scratchImage, swapCase } from "./scratchImage";

/** Property 6: tags are case-sensitive: deleting a case variant of a present tag answers 404 and leaves it. */
export const caseVariantProperty: Scenario = {
  id: "404-prop-case-variant",
  title: "deleting a case variant of a present tag leaves the tag (tags are case-sensitive)",
  status: 404,
  kind: "property",
  tier: "core",
  expected: "for every valid tag with cased letters and any case variant of it: 404, the present tag stays",
  needs: [],
  profiles: "every profile",
  appliesTo: documents(404),
  run: (ctx) => {
    const image = scratchImage(ctx, "p6-case");
    const accepts = (t: string): boolean => ctx.profile.checkTag(t).length === 0;
    const tags = tagArbitraries(ctx.profile);
    const cases = balanced(tags.valid, tags.validByClass.values(), (v) =>
      boundedFilter(
        fc.tuple(v, fc.constantFrom("swap", "upper", "lower")).map(([c, how]) => ({
          ...c,
          variant:
            how === "swap" ? swapCase(c.tag) : how === "upper" ? c.tag.toUpperCase() : c.tag.toLowerCase(),
        })),
        (c) =>
          c.variant !== c.tag &&
          accepts(c.variant) &&
          !ctx.tags.others.includes(c.tag) &&
          !ctx.tags.others.includes(c.variant),
        "valid tag with a valid case variant",
      ),
    );
    return runProperty(
      ctx,
      cases.arbitrary,
      async (c, { probe, classify }) => {
        classify(c.tagClass);
        const id = await image();
        if ((await probe.addTag(id, c.tag)) !== 204) return;
        await probe.deleteTag({ as: "owner", imageId: id, tag: c.variant, expect: 404, tags: "check" });
        await probe.deleteTag({ as: "owner", imageId: id, tag: c.tag, expect: 204, tags: "check" });
      },
      { balance: cases.balance },
    );
  },
};
