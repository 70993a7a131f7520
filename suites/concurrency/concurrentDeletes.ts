import { check } from "../../src/engine/checks/Check";
import { runProperty } from "../../src/engine/property/runProperty";
import fc from "fast-check";
import { documents, type Scenario } from "../Scenario";

const rounds = 3;

/** Extended tier: N parallel deletes of N distinct tags: all 204 and all gone. */
export const concurrentDistinct: Scenario = {
  id: "204-concurrent-distinct-tags",
  title: "parallel deletes of distinct tags all succeed",
  status: 204,
  kind: "concurrency",
  tier: "extended",
  expected:
    "N parallel deletes of N distinct tags of one image: every answer 204, every tag gone, the others kept",
  needs: [],
  profiles: "every profile",
  appliesTo: documents(204),
  run: (ctx) => {
    const n = Math.max(2, ctx.settings.concurrency);
    return runProperty(
      ctx,
      fc.constant(n),
      async (count, { probe, classify }) => {
        classify(`${count} in parallel`);
        const tags = Array.from({ length: count }, (_, i) => `itc-par-${i}`);
        const image = await ctx.fixtures.createImage("conc-distinct", {
          tags: [...tags, ...ctx.tags.others],
        });
        const answers = await Promise.all(tags.map((t) => probe.deleteTagOnly("owner", image, t, [204])));
        const statuses = answers.map((a) => a.status);
        probe.record(
          check(
            "every parallel delete answered 204",
            statuses.every((s) => s === 204),
            `statuses ${JSON.stringify(statuses)}`,
            "each delete removes a different tag",
          ),
        );
        const after = await ctx.fixtures.tagsOf(image);
        probe.record(
          check(
            "every deleted tag is gone, the others kept",
            JSON.stringify([...after].sort()) === JSON.stringify([...ctx.tags.others].sort()),
            `after ${JSON.stringify(after)}`,
            "no lost update",
          ),
        );
      },
      rounds,
    );
  },
};

/** Extended tier: N parallel deletes of one tag: exactly one 204, the rest 404. */
export const concurrentSameTag: Scenario = {
  id: "404-concurrent-same-tag",
  title: "parallel deletes of one tag: exactly one succeeds",
  status: 404,
  kind: "concurrency",
  tier: "extended",
  expected:
    "N parallel deletes of the same tag: exactly one 204, every other 404; the tag gone, the others kept",
  needs: [],
  profiles: "every profile",
  appliesTo: (p) => documents(204)(p) && documents(404)(p),
  run: (ctx) => {
    const n = Math.max(2, ctx.settings.concurrency);
    return runProperty(
      ctx,
      fc.constant(n),
      async (count, { probe, classify }) => {
        classify(`${count} in parallel`);
        const image = await ctx.fixtures.createImage("conc-same", {
          tags: [ctx.tags.target, ...ctx.tags.others],
        });
        const answers = await Promise.all(
          Array.from({ length: count }, () =>
            probe.deleteTagOnly("owner", image, ctx.tags.target, [204, 404]),
          ),
        );
        const statuses = answers.map((a) => a.status).sort();
        const ok =
          statuses.filter((s) => s === 204).length === 1 &&
          statuses.filter((s) => s === 404).length === count - 1;
        probe.record(
          check(
            "exactly one 204, the rest 404",
            ok,
            `statuses ${JSON.stringify(statuses)}`,
            "a tag can only be removed once (Image API v2)",
          ),
        );
        const after = await ctx.fixtures.tagsOf(image);
        probe.record(
          check(
            "the tag is gone, the others kept",
            JSON.stringify([...after].sort()) === JSON.stringify([...ctx.tags.others].sort()),
            `after ${JSON.stringify(after)}`,
            "no lost update",
          ),
        );
      },
      rounds,
    );
  },
};
