import { documents } from "../documents";
import type { Scenario } from "../../src/engine/Scenario";

function injectedFault(status: 500 | 503, title: string): Scenario {
  return {
    id: `${status}-injected-fault`,
    title,
    status,
    kind: "example",
    tier: "core",
    expected: `${status} with the documented error body`,
    needs: ["fault-injection"],
    profiles: `profiles that document ${status} (huawei-ims)`,
    appliesTo: documents(status),
    run: async ({ fixtures, probe, tags, faults }) => {
      if (faults === undefined) return { notExercised: "no fault plan on this target" };
      const image = await fixtures.createImage(`${status}-fault`, { tags: [tags.target, ...tags.others] });
      faults.inject("deleteImageTag", status, image);
      await probe.deleteTag({ as: "owner", imageId: image, tag: tags.target, expect: status, tags: "skip" });
      return undefined;
    },
  };
}

export const injectedInternalError = injectedFault(
  500,
  "the service fails (fault plan on the embedded reference)",
);
export const injectedUnavailable = injectedFault(
  503,
  "the service is unavailable (fault plan on the embedded reference)",
);
