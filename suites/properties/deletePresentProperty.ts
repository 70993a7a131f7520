import { balanced } from "../../generators/balanced";
import { boundedFilter } from "../../generators/boundedFilter";
import { tagArbitraries } from "../../generators/tagArbitraries";
import { runProperty } from "../../src/engine/property/runProperty";
import type { Scenario } from "../../src/engine/Scenario";
import { documents } from "../documents";
import { scratchImage } from "./scratchImage";

/** Property 1: any valid tag present on an own image: 204, empty body, the tag gone, all other tags unchanged. */
export const deletePresentProperty: Scenario = {
  id: "204-prop-delete-present",
  title: "any valid tag present on an own image is deleted",
  status: 204,
  kind: "property",
  tier: "core",
  expected:
    "for every generated valid tag (every class the schema accepts, boundary lengths included): 204, no body; the tag gone, others unchanged",
  tempestId: "10407036-6059-4f95-a2cd-cbbbee7ed329",
  needs: [],
  profiles: "every profile",
  appliesTo: documents(204),
  run: (ctx) => {
    const image = scratchImage(ctx, "p1-present");
    const tags = tagArbitraries(ctx.profile);
    const cases = balanced(tags.valid, tags.validByClass.values(), (v) =>
      boundedFilter(v, (c) => !ctx.tags.others.includes(c.tag), "valid tag other than the kept ones"),
    );
    return runProperty(
      ctx,
      cases.arbitrary,
      async (c, { probe, classify }) => {
        classify(c.tagClass);
        const id = await image();
        if ((await probe.addTag(id, c.tag)) !== 204) return;
        await probe.deleteTag({ as: "owner", imageId: id, tag: c.tag, expect: 204, tags: "check" });
      },
      { balance: cases.balance },
    );
  },
};
