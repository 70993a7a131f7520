import { exampleTags } from "../../generators/exampleTags";
import type { Exchange } from "../http/Exchange";
import type { HttpClient } from "../http/HttpClient";
import type { Profile } from "../profile/Profile";
import { coreCheck, type Check } from "./checks/Check";
import { FixtureError } from "./FixtureError";
import { Fixtures, type ImageView } from "./Fixtures";
import type { ScratchImages } from "./ScratchImages";

/** The owner's image no request of the run names: created first, read last, and never changed in between. */
export interface Sentinel {
  readonly id: string;
  readonly view: ImageView;
}

/**
 * Creates the run's sentinel: the owner's image created before any scenario (so the owner's oldest of the run),
 * carrying the example tags, which no request of the run names, and read back at once. A setup that fails leaves
 * the run without one: the checks of every case stand, and the run is partial (runSuite says why).
 */
export async function createSentinel(
  client: HttpClient,
  profile: Profile,
  images: ScratchImages,
  seed: number,
): Promise<Sentinel | undefined> {
  const tags = exampleTags(profile, seed);
  try {
    const fixtures = new Fixtures(client, profile, images);
    const made = await fixtures.createScratch("sentinel", {
      tags: "problem" in tags ? [] : [tags.target, ...tags.others],
    });
    // Read back at once: the end compares a read with a read, and the fields where a create's answer and a read
    // disagree are learnt here, for the whole-image check of every later read (ImageViews).
    const read = await fixtures.viewOf(made.id);
    images.views.calibrate(made.view, read);
    return { id: made.id, view: read };
  } catch (error) {
    if (error instanceof FixtureError) return undefined;
    throw error;
  }
}

/**
 * After every scenario: the sentinel is exactly as first read, every field (its tags and updated_at included). A
 * change is a rule of every tier broken by some request of the run (an image it did not name was changed).
 */
export async function checkSentinel(
  sentinel: Sentinel,
  client: HttpClient,
  profile: Profile,
  images: ScratchImages,
): Promise<Check[]> {
  let after: ImageView;
  try {
    after = await new Fixtures(client, profile, images).viewOf(sentinel.id);
  } catch (error) {
    if (!(error instanceof FixtureError)) throw error;
    return [
      coreCheck(
        "an image no request named is unchanged",
        false,
        error.message,
        "a tag request changes the image it names, and no other",
      ),
    ];
  }
  const keys = [...new Set([...Object.keys(sentinel.view), ...Object.keys(after)])];
  const changed = keys.filter((k) => JSON.stringify(sentinel.view[k]) !== JSON.stringify(after[k]));
  if (changed.length === 0) return [];
  return [
    coreCheck(
      "an image no request named is unchanged",
      false,
      `the run's sentinel image ${sentinel.id} changed: ${changed.map((k) => `${k}: ${JSON.stringify(sentinel.view[k])} → ${JSON.stringify(after[k])}`).join("; ")}`,
      "a tag request changes the image it names, and no other",
    ),
  ];
}

export type { Exchange };
