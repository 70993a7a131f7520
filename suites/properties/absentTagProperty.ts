import fc from "fast-check";
import { tagArbitraries } from "../../generators/tagArbitraries";
import { runProperty } from "../../src/engine/property/runProperty";
import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";
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
    const valid = tagArbitraries(ctx.profile).valid.filter((c) => !ctx.tags.others.includes(c.tag));
    const pair = fc.tuple(valid, valid).filter(([a, b]) => a.tag !== b.tag);
    return runProperty(ctx, pair, async ([present, absent], { probe, classify }) => {
      classify(present.tagClass);
      const id = await image();
      await probe.deleteTag({ as: "owner", imageId: id, tag: absent.tag, expect: 404, tags: "unchanged" });
      if (!(await probe.addTag(id, present.tag))) return;
      await probe.deleteTag({ as: "owner", imageId: id, tag: present.tag, expect: 204, tags: "removed" });
      await probe.deleteTag({ as: "owner", imageId: id, tag: present.tag, expect: 404, tags: "unchanged" });
    });
  },
};
