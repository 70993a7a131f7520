import type { ScenarioContext } from "../../src/engine/ScenarioContext";

/** Levels of the input space this target does not let the suite use, by key ("image=own-public"), with why. */
export type Unavailable = ReadonlyMap<string, string>;

const otherImages = [
  "other-private",
  "other-shared",
  "other-shared-pending",
  "other-shared-accepted",
  "other-community",
  "other-public",
];

/**
 * What this target lets the suite set up, found once per run: a second identity (for another project's images),
 * a revoked token (only Keystone, or the embedded reference, gives one), an owner token with letters (for its
 * case-swapped near miss), and the visibilities the owner (and
 * alt) may create, tried on the target itself (a refusal is said, never a silent gap).
 */
export function capabilities(ctx: ScenarioContext): Promise<Unavailable> {
  return ctx.fixtures.memo("capabilities", async () => {
    const out = new Map<string, string>();
    const hasAlt = ctx.target.credentials.alt !== undefined;
    if (!hasAlt)
      for (const i of otherImages)
        out.set(
          `image=${i}`,
          "needs a second identity in another project: give --alt-token or --alt-os-cloud",
        );
    if (ctx.target.revokedToken === undefined)
      out.set(
        "credential=revoked",
        ctx.target.revokedTokenMissing ??
          "needs a token the identity service revoked: the suite gets one when it authenticates through Keystone itself (--os-cloud or --os-* options), not with --token",
      );
    const token = (await ctx.client.currentToken("owner")) ?? "";
    if (token.toLowerCase() === token.toUpperCase())
      out.set(
        "credential=case-changed",
        "the owner token has no letters: swapping their case would send the token itself",
      );
    const publicRefused = await ctx.fixtures.tryVisibility("cap-public", "owner", "public");
    if (publicRefused !== undefined) out.set("image=own-public", `the target refuses it: ${publicRefused}`);
    if (hasAlt) {
      const altPublic =
        publicRefused === undefined
          ? await ctx.fixtures.tryVisibility("cap-public", "alt", "public")
          : publicRefused;
      if (altPublic !== undefined) out.set("image=other-public", `the target refuses it: ${altPublic}`);
    }
    const community = await ctx.fixtures.tryVisibility("cap-community", "owner", "community");
    if (community !== undefined) {
      out.set("image=own-community", `the target refuses it: ${community}`);
      if (hasAlt) out.set("image=other-community", `the target refuses it: ${community}`);
    }
    return out;
  });
}
