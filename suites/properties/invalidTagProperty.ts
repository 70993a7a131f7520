import { tagArbitraries } from "../../generators/tagArbitraries";
import { tagRules } from "../../generators/tagRules";
import { runProperty } from "../../src/engine/property/runProperty";
import type { Scenario } from "../../src/engine/Scenario";
import { documents } from "../documents";
import { scratchImage } from "./scratchImage";

/**
 * Property 4: any tag outside the documented alphabet answers 400 and changes nothing (huawei-ims seed: "The tag
 * can contain only digits, letters, underscores (_), and hyphens (-)"). --lenient accepts 404 as a deviation.
 */
export const invalidTagProperty: Scenario = {
  id: "400-prop-invalid-tag",
  title: "any tag outside the documented alphabet answers 400",
  status: 400,
  kind: "property",
  tier: "core",
  expected:
    "for every generated tag the schema's pattern rejects (whitespace, punctuation, non-ASCII, emoji, percent-encoded): 400, tags unchanged",
  needs: [],
  profiles: "profiles whose tag schema has a pattern (huawei-ims)",
  appliesTo: (p) =>
    documents(400)(p) && tagRules(p).pattern !== undefined && tagArbitraries(p).invalid !== undefined,
  run: async (ctx) => {
    const tags = tagArbitraries(ctx.profile);
    if (tags.invalid === undefined)
      return { notExercised: "the profile's tag schema rejects no generated tag" };
    const image = scratchImage(ctx, "p4-invalid");
    const lenient = ctx.settings.lenient;
    return runProperty(
      ctx,
      tags.invalid,
      async (c, { probe, classify, deviation }) => {
        classify(c.tagClass);
        const res = await probe.deleteTag({
          as: "owner",
          imageId: await image(),
          tag: c.tag,
          expect: lenient ? [400, 404] : [400],
          tags: "check",
        });
        if (res.status === 404) deviation(`404 instead of 400 for a ${c.tagClass} tag`);
      },
      { balance: [...tags.invalidByClass.values()] },
    );
  },
};
