import { tagArbitraries } from "../../generators/tagArbitraries";
import { check } from "../../src/engine/checks/Check";
import { runProperty } from "../../src/engine/property/runProperty";
import type { Profile } from "../../src/profile/Profile";
import type { TagFlag } from "../../src/profile/tagFlags";
import { scratchImage } from "../properties/scratchImage";
import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";

/**
 * The scenario of one flagged rule: for every valid tag under the flag, an image can be created with it, the
 * tag set in the create body is deleted through the path (204, gone; again: 404), and a tag added through the
 * path reads back as sent.
 */
export function flaggedTagScenario(flag: TagFlag): Scenario {
  return {
    id: `204-flagged-${flag.id}`,
    title: `flagged rule ${flag.id}: tags under it are deleted like any other`,
    status: 204,
    kind: "property",
    tier: "flagged",
    expected: flag.rule,
    needs: [],
    profiles: "profiles whose tag parameter flags it (x-itc-flagged)",
    appliesTo: (p) => documents(204)(p) && documents(404)(p) && p.tagFlags.some((f) => f.id === flag.id),
    run: async (ctx) => {
      const under = tagArbitraries(ctx.profile).flagged.get(flag.id);
      if (under === undefined) return { notExercised: `the suite generates no valid tag under ${flag.id}` };
      const pathAdded = scratchImage(ctx, `f-${flag.id}`);
      const cases = under.filter((c) => !ctx.tags.others.includes(c.tag));
      return runProperty(ctx, cases, async (c, { probe, classify }) => {
        classify(c.tagClass);
        const created = await ctx.fixtures.tryCreateImage(`f-${flag.id}`, [...ctx.tags.others, c.tag]);
        probe.record(
          check(
            "an image created with the tag in its body answers 201",
            created.id !== undefined,
            `POST image with tags [..., ${JSON.stringify(c.tag)}] → ${created.status}`,
            `OpenAPI ${ctx.profile.id}: createImage (the tag is valid per the tag schema)`,
          ),
        );
        if (created.id === undefined) return;
        await probe.deleteTag({ as: "owner", imageId: created.id, tag: c.tag, expect: 204, tags: "removed" });
        await probe.deleteTag({
          as: "owner",
          imageId: created.id,
          tag: c.tag,
          expect: 404,
          tags: "unchanged",
        });
        await ctx.fixtures.discard(created.id);
        const id = await pathAdded();
        if (!(await probe.addTag(id, c.tag))) return;
        const stored = await ctx.fixtures.tagsOf(id);
        probe.record(
          check(
            "a tag added through the path reads back as sent",
            stored.includes(c.tag),
            `PUT ${JSON.stringify(c.tag)}, GET shows ${JSON.stringify(stored)}`,
            "RFC 3986 §2.5: non-ASCII characters are percent-encoded as UTF-8",
          ),
        );
        await probe.deleteTag({ as: "owner", imageId: id, tag: c.tag, expect: 204, tags: "removed" });
      });
    },
  };
}

/** The flagged scenarios of a profile: one per flag of its tag parameter. */
export function flaggedScenarios(profile: Profile): readonly Scenario[] {
  return profile.tagFlags.map(flaggedTagScenario);
}
