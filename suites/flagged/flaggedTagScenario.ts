import { boundedFilter } from "../../generators/boundedFilter";
import { tagArbitraries } from "../../generators/tagArbitraries";
import { check, coreCheck } from "../../src/engine/checks/Check";
import { checkTagsUnchanged, sameTags } from "../../src/engine/checks/checkTags";
import { statusCheck } from "../../src/engine/Probe";
import { runProperty } from "../../src/engine/property/runProperty";
import type { Scenario } from "../../src/engine/Scenario";
import type { Profile } from "../../src/profile/Profile";
import { allowsAnotherTag, excusedStatuses, flagsOf, type TagFlag } from "../../src/profile/tagFlags";
import { documents } from "../documents";

const sourceOf = (profile: Profile, op: string): string => `OpenAPI ${profile.id}: ${op}`;

/**
 * The scenario of one flagged rule. For every valid tag under the flag, on an image created with it (or, when the
 * flag's deviation refuses that create, on the scenario's one image without it): the image can be
 * created with the tag in its body (and then carries it), the tag is deleted through the path (204, gone; again: 404), a request
 * without a token answers 401, and a tag added through the path reads back as sent and is deleted. Each step
 * either meets the rule, or deviates only as the flag allows (the flagged rule fails, reported), or breaks a rule
 * no tier excuses (a 5xx, an undocumented status, another tag or image changed, a wrong 401): the verdict fails.
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
    appliesTo: (p) =>
      documents(204)(p) && documents(404)(p) && documents(401)(p) && p.tagFlags.some((f) => f.id === flag.id),
    run: async (ctx) => {
      const tags = tagArbitraries(ctx.profile).flagged.get(flag.id);
      if (tags === undefined) return { notExercised: `the suite generates no valid tag under ${flag.id}` };
      const others = ctx.tags.others;
      const cases = boundedFilter(tags, (c) => !others.includes(c.tag), `valid tag under ${flag.id}`);
      const label = `f-${flag.id}`;
      // The image for cases whose create the flag's deviation refused: made at the first such case, and kept for
      // the next only while it carries exactly the kept tags. A deviation the flag allows may leave another tag on
      // it (a Latin-1 reading of the tag), and a later case must not judge that leftover: it gets a new image.
      let fallback: Promise<string> | undefined;
      const replaceUnlessClean = async (id: string): Promise<void> => {
        try {
          const tags = ctx.fixtures.knownTags(id) ?? (await ctx.fixtures.tagsOf(id));
          if (sameTags(tags, others)) return;
        } catch {
          // Unreadable (gone, or the run stopping): not used again; the cleanup at the end deletes what is left.
          fallback = undefined;
          return;
        }
        fallback = undefined;
        await ctx.fixtures.discard(id);
      };
      // Half the depth of a core property: flagged rules are reported, and every case still runs (explored for
      // what no flag excuses).
      const numRuns = Math.max(3, Math.ceil(ctx.settings.runs / 2));
      try {
        return await runProperty(
          ctx,
          cases,
          async (c, { probe, classify }) => {
            classify(c.tagClass);
            const t = c.tag;
            // Excused as every flag the tag falls under allows (an emoji falls under both of Glance's).
            const under = flagsOf(ctx.profile.tagFlags, t);
            const made = await ctx.fixtures.tryCreateImage(label, [...others, t]);
            const created = statusCheck(
              made.status,
              [201],
              excusedStatuses(under, "createImage"),
              sourceOf(ctx.profile, "createImage"),
            );
            probe.record({
              ...created,
              rule: "an image created with the tag in its body answers 201",
              detail: `POST image with tags [..., ${JSON.stringify(t)}]: ${created.detail}`,
            });
            // Refused as the flag allows: the rest runs on an image without the tag.
            let id: string;
            try {
              id = made.id ?? (await (fallback ??= ctx.fixtures.createImage(label, { tags: others })));
              const deleteExcused = excusedStatuses(under, "deleteImageTag");
              if (made.id !== undefined) {
                // Read back, not taken from the create's answer: a target that drops the tag on create would
                // otherwise pass off the delete's 404 as the flag's excuse. A JSON body carries any tag as sent.
                const stored = await ctx.fixtures.tagsOf(id);
                const missing = [...others, t].filter((x) => !stored.includes(x));
                probe.record(
                  coreCheck(
                    "an image created with the tag in its body carries it",
                    missing.length === 0,
                    `GET image after 201: tags ${JSON.stringify(stored)}${missing.length > 0 ? `, missing ${JSON.stringify(missing)}` : ""}`,
                    `${sourceOf(ctx.profile, "createImage")}: the image is created with the tags given`,
                  ),
                );
                const first = await probe.deleteTag({
                  as: "owner",
                  imageId: id,
                  tag: t,
                  expect: 204,
                  excused: deleteExcused,
                  tags: "check",
                });
                // Deleted: a second delete must find nothing. (Refused as the flag allows, it would only repeat that.)
                if (first.status === 204)
                  await probe.deleteTag({
                    as: "owner",
                    imageId: id,
                    tag: t,
                    expect: 404,
                    excused: deleteExcused,
                    tags: "check",
                  });
              }
              // No flag excuses a request without a token: 401, whatever the tag.
              await probe.deleteTag({
                as: "anonymous",
                imageId: id,
                tag: t,
                expect: 401,
                excused: [],
                tags: "check",
              });
              const before = ctx.fixtures.knownTags(id) ?? (await ctx.fixtures.tagsOf(id));
              const addStatus = await probe.addTag(id, t, "owner", excusedStatuses(under, "addImageTag"));
              if (addStatus !== 204) {
                // A refusal, even one the flag excuses, changes nothing (a rule of every tier): read back, judged.
                probe.record(checkTagsUnchanged(before, await ctx.fixtures.tagsOf(id)));
              } else {
                const after = await ctx.fixtures.tagsOf(id);
                const added = after.filter((x) => !before.includes(x));
                const lost = before.filter((x) => !after.includes(x));
                const detail = `PUT ${JSON.stringify(t)}: added ${JSON.stringify(added)}${lost.length > 0 ? `, lost ${JSON.stringify(lost)}` : ""}`;
                const asSent =
                  lost.length === 0 &&
                  (added.length === 0 ? before.includes(t) : added.length === 1 && added[0] === t);
                const another =
                  lost.length === 0 && added.length === 1 && added[0] !== t && allowsAnotherTag(under);
                const rule = "a tag added through the path reads back as sent";
                const source = "RFC 3986 §2.5: non-ASCII characters are percent-encoded as UTF-8";
                probe.record(
                  asSent
                    ? check(rule, true, detail, source)
                    : another
                      ? check(rule, false, `${detail}, another tag, as the flag allows`, source)
                      : coreCheck(rule, false, detail, source),
                );
                if (asSent || another)
                  await probe.deleteTag({
                    as: "owner",
                    imageId: id,
                    tag: t,
                    expect: 204,
                    excused: deleteExcused,
                    removes: added[0] ?? t,
                    tags: "check",
                  });
              }
            } catch (error) {
              // A case cut short leaves the shared image in a state nobody read: the next case gets a new one (the
              // cleanup at the end deletes this one).
              if (made.id === undefined) fallback = undefined;
              throw error;
            }
            if (made.id !== undefined) await ctx.fixtures.discard(id);
            else await replaceUnlessClean(id);
          },
          { numRuns },
        );
      } finally {
        // The shared image goes as soon as the scenario ends, like every case's own (image quotas); one that
        // cannot be deleted now is left to the cleanup at the end of the run.
        const shared = await fallback?.catch(() => undefined);
        if (shared !== undefined) await ctx.fixtures.discard(shared).catch(() => undefined);
      }
    },
  };
}

/** The flagged scenarios of a profile: one per flag of its tag parameter. */
export function flaggedScenarios(profile: Profile): readonly Scenario[] {
  return profile.tagFlags.map(flaggedTagScenario);
}
