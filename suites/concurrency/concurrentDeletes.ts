import fc from "fast-check";
import { check, coreCheck } from "../../src/engine/checks/Check";
import type { Probe } from "../../src/engine/Probe";
import { runProperty } from "../../src/engine/property/runProperty";
import type { ScenarioContext } from "../../src/engine/ScenarioContext";
import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";

const rounds = 3;

interface Round {
  /** The tags the image starts with, besides the "others" that must survive. */
  readonly tags: (n: number, ctx: ScenarioContext) => readonly string[];
  /** The tag each of the n parallel deletes names. */
  readonly deletes: (n: number, ctx: ScenarioContext) => readonly string[];
  /** Judges the statuses of the parallel deletes. */
  readonly judge: (statuses: readonly number[], n: number) => { readonly rule: string; readonly ok: boolean };
}

/**
 * Runs rounds of n parallel deletes on a fresh image, judges their statuses, then checks that exactly the
 * "others" tags are left: no lost update, nothing deleted twice.
 */
function concurrentRounds(ctx: ScenarioContext, label: string, round: Round): ReturnType<typeof runProperty> {
  const n = Math.max(2, ctx.settings.concurrency);
  const body = async (
    count: number,
    { probe, classify }: { probe: Probe; classify: (c: string) => void },
  ): Promise<void> => {
    classify(`${count} in parallel`);
    const image = await ctx.fixtures.createImage(label, {
      tags: [...round.tags(count, ctx), ...ctx.tags.others],
    });
    const names = round.deletes(count, ctx);
    // One burst of the pacer: with --rate the deletes still leave together (their starts count against the
    // rate), rather than one interval apart, which would make them sequential and hide a lost update.
    const answers = await ctx.client.together(names.length, () =>
      Promise.all(names.map((t) => probe.deleteTagOnly("owner", image, t, [204, 404]))),
    );
    const statuses = answers.map((a) => a.status).sort();
    const verdict = round.judge(statuses, count);
    probe.record(
      check(
        verdict.rule,
        verdict.ok,
        `statuses ${JSON.stringify(statuses)}`,
        "Image API v2: a tag can only be removed once",
      ),
    );
    const after = await ctx.fixtures.tagsOf(image);
    const others = ctx.tags.others;
    const back = after.filter((t) => names.includes(t));
    const lost = others.filter((t) => !after.includes(t));
    const invented = after.filter((t) => !others.includes(t) && !names.includes(t));
    // A lost update (a deleted tag back) is a finding of this tier; another tag lost, or one the image never had,
    // breaks a rule of every tier: a tag delete removes only the tag it names and adds none.
    probe.record(
      check(
        "the deleted tags are gone",
        back.length === 0,
        `after ${JSON.stringify(after)}`,
        "no lost update",
      ),
    );
    const changed = [
      ...(lost.length === 0 ? [] : [`lost ${JSON.stringify(lost)}`]),
      ...(invented.length === 0 ? [] : [`gained ${JSON.stringify(invented)}`]),
    ];
    probe.record(
      coreCheck(
        "the other tags are kept, and no tag appears",
        changed.length === 0,
        changed.length === 0 ? `after ${JSON.stringify(after)}` : changed.join("; "),
        "Image API v2: deleting a tag removes that tag only",
      ),
    );
  };
  return runProperty(ctx, fc.constant(n), body, { numRuns: rounds });
}

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
    // The never-added example tag (drawn from the seed) with a digit: distinct, valid wherever the examples are.
    const tags = (n: number): string[] => Array.from({ length: n }, (_, i) => `${ctx.tags.absent}${i}`);
    return concurrentRounds(ctx, "conc-distinct", {
      tags,
      deletes: tags,
      judge: (statuses) => ({
        rule: "every parallel delete answered 204",
        ok: statuses.every((s) => s === 204),
      }),
    });
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
  run: (ctx) =>
    concurrentRounds(ctx, "conc-same", {
      tags: (_n, c) => [c.tags.target],
      deletes: (n, c) => Array.from({ length: n }, () => c.tags.target),
      judge: (statuses, n) => ({
        rule: "exactly one 204, the rest 404",
        ok:
          statuses.filter((s) => s === 204).length === 1 &&
          statuses.filter((s) => s === 404).length === n - 1,
      }),
    }),
};
