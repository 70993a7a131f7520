import fc from "fast-check";
import { balanced } from "../../generators/balanced";
import { boundedFilter } from "../../generators/boundedFilter";
import { missingImageId } from "../../generators/imageIdArbitraries";
import { tagArbitraries } from "../../generators/tagArbitraries";
import { runProperty } from "../../src/engine/property/runProperty";
import type { Scenario } from "../../src/engine/Scenario";
import { documents } from "../documents";
import { scratchImage } from "./scratchImage";

const garbageToken = fc.string({
  unit: fc.constantFrom(...Array.from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")),
  minLength: 8,
  maxLength: 200,
});

/** Property 5: any request without a valid token, whatever the tag or image: 401, tags unchanged. */
export const noValidTokenProperty: Scenario = {
  id: "401-prop-no-valid-token",
  title: "any request without a valid token answers 401",
  status: 401,
  kind: "property",
  tier: "core",
  expected:
    "for no token or any random token, any tag (valid or not) and any image (own or missing): 401 with WWW-Authenticate; tags unchanged",
  needs: [],
  profiles: "every profile",
  appliesTo: documents(401),
  run: (ctx) => {
    const image = scratchImage(ctx, "p5-token");
    const tags = tagArbitraries(ctx.profile);
    const anyTag = tags.invalid === undefined ? tags.valid : fc.oneof(tags.valid, tags.invalid);
    const real = [ctx.target.credentials.owner, ctx.target.credentials.alt];
    const kinds = [fc.constant(undefined), garbageToken];
    const cases = balanced(fc.option(garbageToken, { nil: undefined }), kinds, (token) =>
      boundedFilter(
        fc.record({ token, tag: anyTag, missing: fc.option(missingImageId, { nil: undefined }) }),
        (c) => !real.includes(c.token),
        "a token that is none of the run's",
      ),
    );
    return runProperty(
      ctx,
      cases.arbitrary,
      async (c, { probe, classify }) => {
        classify(c.token === undefined ? "no-token" : "random-token");
        const as = c.token === undefined ? ("anonymous" as const) : { label: "random token", token: c.token };
        const imageId = c.missing?.imageId ?? (await image());
        await probe.deleteTag({
          as,
          imageId,
          tag: c.tag.tag,
          expect: 401,
          tags: c.missing === undefined ? "check" : "skip",
        });
      },
      { balance: cases.balance },
    );
  },
};
