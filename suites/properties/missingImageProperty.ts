import fc from "fast-check";
import { balanced } from "../../generators/balanced";
import { malformedImageIdClasses, missingImageId } from "../../generators/imageIdArbitraries";
import { tagArbitraries } from "../../generators/tagArbitraries";
import { runProperty } from "../../src/engine/property/runProperty";
import type { Scenario } from "../../src/engine/Scenario";
import { documents } from "../documents";

/** Property 3: any missing or malformed image id: 404 (400 also accepted for malformed ids where documented). */
export const missingImageProperty: Scenario = {
  id: "404-prop-missing-image",
  title: "any missing or malformed image id answers 404",
  status: 404,
  kind: "property",
  tier: "core",
  expected:
    "for every random UUID v4: 404; for every malformed id (upper case, braces, short, overlong): 404, or 400 where the profile documents 400",
  needs: [],
  profiles: "every profile",
  appliesTo: documents(404),
  run: (ctx) => {
    const accepted400 = ctx.profile.documentedStatuses.includes(400);
    const ids = [missingImageId, ...malformedImageIdClasses];
    const cases = balanced(fc.oneof(...ids), ids, (i) => fc.tuple(i, tagArbitraries(ctx.profile).valid));
    return runProperty(
      ctx,
      cases.arbitrary,
      async ([id, tag], { probe, classify }) => {
        classify(id.idClass);
        const expect = id.idClass !== "missing-uuid-v4" && accepted400 ? [404, 400] : [404];
        await probe.deleteTag({ as: "owner", imageId: id.imageId, tag: tag.tag, expect, tags: "skip" });
      },
      { balance: cases.balance },
    );
  },
};
