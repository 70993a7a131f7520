import fc from "fast-check";
import { tagArbitraries } from "../../generators/tagArbitraries";
import type { Probe } from "../../src/engine/Probe";
import { boundedFilter } from "../../generators/boundedFilter";
import { CaseFailed, runProperty } from "../../src/engine/property/runProperty";
import type { ScenarioContext } from "../../src/engine/ScenarioContext";
import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";
import { scratchImage } from "../properties/scratchImage";

interface Model {
  tags: Set<string>;
}
interface Real {
  readonly image: string;
  readonly probe: Probe;
  readonly ctx: ScenarioContext;
}

/** Stops the sequence at the first failed check, so the failure shrinks to the shortest sequence. */
function stopOnFailure(probe: Probe): void {
  const bad = probe.checks.find((c) => !c.ok);
  if (bad !== undefined) throw new CaseFailed(`${bad.rule}: ${bad.detail}`);
}

class AddTag implements fc.AsyncCommand<Model, Real> {
  constructor(readonly tag: string) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    await r.probe.addTag(r.image, this.tag);
    m.tags.add(this.tag);
    stopOnFailure(r.probe);
  }
  toString = (): string => `add(${JSON.stringify(this.tag)})`;
}

class DeleteTag implements fc.AsyncCommand<Model, Real> {
  constructor(readonly tag: string) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const present = m.tags.has(this.tag);
    await r.probe.deleteTag({
      as: "owner",
      imageId: r.image,
      tag: this.tag,
      expect: present ? 204 : 404,
      tags: "check",
    });
    m.tags.delete(this.tag);
    stopOnFailure(r.probe);
  }
  toString = (): string => `delete(${JSON.stringify(this.tag)})`;
}

class ShowImage implements fc.AsyncCommand<Model, Real> {
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const tags = await r.ctx.fixtures.tagsOf(r.image);
    const expected = [...m.tags].sort();
    const ok = JSON.stringify([...tags].sort()) === JSON.stringify(expected);
    r.probe.precondition(
      "the image's tags match the model",
      ok,
      `shown ${JSON.stringify([...tags].sort())}, model ${JSON.stringify(expected)}`,
    );
    stopOnFailure(r.probe);
  }
  toString = (): string => "show()";
}

/** Model-based: random sequences of add tag / delete tag / show image against a model of the tag set. */
export const tagSetModel: Scenario = {
  id: "204-model-tag-set",
  title: "add, delete and show in any order agree with a model of the tag set",
  status: 204,
  kind: "model",
  tier: "core",
  expected:
    "every command sequence: delete answers 204 when the model has the tag and 404 when not; show equals the model",
  needs: [],
  profiles: "every profile",
  appliesTo: (p) => documents(204)(p) && documents(404)(p),
  run: (ctx) => {
    const image = scratchImage(ctx, "model");
    // Three or four distinct valid tags; a bounded filter, since a narrow schema may not have that many.
    const universe = boundedFilter(
      fc
        .array(
          tagArbitraries(ctx.profile).valid.map((c) => c.tag),
          { minLength: 3, maxLength: 6 },
        )
        .map((u) => [...new Set(u)].filter((t) => !ctx.tags.others.includes(t)).slice(0, 4)),
      (u) => u.length >= 3,
      "three distinct valid tags",
    );
    // Every sequence adds one tag and deletes it before its random commands: with three sequences, a sequence
    // without a delete of a present tag would leave the 204 unchecked by the model (status-200 went through).
    const sequences = universe.chain((u) =>
      fc.tuple(
        fc.constantFrom(...u),
        fc.commands(
          [
            fc.constantFrom(...u).map((t) => new AddTag(t)),
            fc.constantFrom(...u).map((t) => new DeleteTag(t)),
            fc.constant(new ShowImage()),
          ],
          { maxCommands: 12 },
        ),
      ),
    );
    // Three sequences at the default depth: the coverage phase already sends multi-request plans of deletes.
    const runs = Math.max(3, ctx.settings.runs);
    return runProperty(
      ctx,
      sequences,
      async ([first, cmds], { probe, classify }) => {
        classify("sequence");
        const id = await image();
        const model: Model = { tags: new Set(await ctx.fixtures.tagsOf(id)) };
        await fc.asyncModelRun(
          () => ({ model, real: { image: id, probe, ctx } }),
          [new AddTag(first), new DeleteTag(first), ...cmds],
        );
      },
      { numRuns: runs },
    );
  },
};
