import type { ScenarioContext } from "../../src/engine/ScenarioContext";
import { states } from "../interactions";

/** Builds a provider state on the target from the fixture operations (and, on the embedded reference, its fault plan). */
export async function setUpState(
  ctx: ScenarioContext,
  state: string,
  params: Readonly<Record<string, unknown>>,
): Promise<Record<string, string>> {
  const tag = typeof params["tag"] === "string" ? params["tag"] : ctx.tags.target;
  const tags = [tag, ...ctx.tags.others];
  if (state === states.noImage) return {};
  if (state === states.sharedImage) {
    const imageId = await ctx.fixtures.createImage("contract-shared", { visibility: "shared", tags });
    await ctx.fixtures.shareWithAlt(imageId);
    return { imageId, tag };
  }
  const imageId = await ctx.fixtures.createImage("contract", { tags });
  if (state === states.serviceFails) ctx.faults?.inject("deleteImageTag", 500, imageId);
  if (state === states.serviceUnavailable) ctx.faults?.inject("deleteImageTag", 503, imageId);
  return { imageId, tag };
}
