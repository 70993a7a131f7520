import fc from "fast-check";
import { balanced } from "../../generators/balanced";
import { boundedFilter } from "../../generators/boundedFilter";
import { tagArbitraries } from "../../generators/tagArbitraries";
import { pathSafe, tagRules } from "../../generators/tagRules";
import { runProperty } from "../../src/engine/property/runProperty";
import type { Scenario } from "../../src/engine/Scenario";
import { documents } from "../documents";
import { scratchImage, swapCase } from "./scratchImage";

const relations = ["prefix", "suffix", "extension", "case-variant"] as const;
type Relation = (typeof relations)[number];

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
    const relate = (t: string, x: string, how: Relation): string =>
      how === "prefix"
        ? t.slice(0, Math.max(1, t.length - 1))
        : how === "suffix"
          ? t.slice(1)
          : how === "extension"
            ? `${t}${x}`
            : swapCase(t);
    const cases = balanced(
      fc.constantFrom(...relations),
      relations.map((r) => fc.constant(r)),
      (hows) =>
        boundedFilter(
          fc
            .tuple(valid, valid, hows)
            .map(([t, x, how]) => ({ tag: t.tag, how, related: relate(t.tag, x.tag, how) })),
          (c) =>
            c.related !== c.tag &&
            c.related.length > 0 &&
            // A documented maximum is in the schema; without one, generated tags stay within the Image API's 255.
            Array.from(c.related).length <= tagRules(ctx.profile).generationMax &&
            accepts(c.related) &&
            pathSafe(c.related) &&
            ![c.tag, c.related].some((t) => ctx.tags.others.includes(t)),
          "valid tag with a valid related tag",
        ),
    );
    return runProperty(
      ctx,
      cases.arbitrary,
      async (c, { probe, classify }) => {
        classify(c.how);
        const id = await image();
        if ((await probe.addTag(id, c.related)) !== 204 || (await probe.addTag(id, c.tag)) !== 204) return;
        await probe.deleteTag({ as: "owner", imageId: id, tag: c.tag, expect: 204, tags: "check" });
        await probe.deleteTag({ as: "owner", imageId: id, tag: c.related, expect: 204, tags: "check" });
      },
      { balance: cases.balance },
    );
  },
};
