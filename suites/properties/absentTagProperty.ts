import fc from "fast-check";
import { balanced } from "../../generators/balanced";
import { boundedFilter } from "../../generators/boundedFilter";
import { tagArbitraries } from "../../generators/tagArbitraries";
import { runProperty } from "../../src/engine/property/runProperty";
import type { Scenario } from "../../src/engine/Scenario";
import { documents } from "../documents";
import { scratchImage } from "./scratchImage";

/** Property 2: any valid tag absent: 404, tags unchanged; the same tag deleted twice: 204 then 404. */
export const absentTagProperty: Scenario = {
  id: "404-prop-absent-tag",
  title: "any valid tag that is absent, or already deleted, answers 404",
  status: 404,
  kind: "property",
  tier: "core",
  expected:
    "for every generated valid tag: deleting it twice gives 204 then 404; deleting a never-added tag gives 404; tags unchanged by every 404",
  tempestId: "39c023a2-325a-433a-9eea-649bf1414b19",
  needs: [],
  profiles: "every profile",
  appliesTo: (p) => documents(404)(p) && documents(204)(p),
  run: (ctx) => {
    const image = scratchImage(ctx, "p2-absent");
    const tags = tagArbitraries(ctx.profile);
    const notKept = (c: { tag: string }): boolean => !ctx.tags.others.includes(c.tag);
    const other = boundedFilter(tags.valid, notKept, "valid tag other than the kept ones");
    const cases = balanced(tags.valid, tags.validByClass.values(), (v) =>
      boundedFilter(fc.tuple(v, other), ([a, b]) => notKept(a) && a.tag !== b.tag, "two distinct valid tags"),
    );
    return runProperty(
      ctx,
      cases.arbitrary,
      async ([present, absent], { probe, classify }) => {
        classify(present.tagClass);
        const id = await image();
        await probe.deleteTag({ as: "owner", imageId: id, tag: absent.tag, expect: 404, tags: "check" });
        if ((await probe.addTag(id, present.tag)) !== 204) return;
        await probe.deleteTag({ as: "owner", imageId: id, tag: present.tag, expect: 204, tags: "check" });
        await probe.deleteTag({ as: "owner", imageId: id, tag: present.tag, expect: 404, tags: "check" });
      },
      { balance: cases.balance },
    );
  },
};
