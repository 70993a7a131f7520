import { defaultRunSettings } from "../../../src/engine/RunSettings";
import { findMutant } from "../../../src/mutants/catalog";
import { runAgainstReference } from "../../../src/mutants/scoreMutants";
import { defaultBehaviour } from "../../../src/reference/defaultBehaviour";
import { withoutFlags } from "../../../src/profile/tagFlags";
import { profile } from "../../support/profiles";

// Issue 20 item 12: under --strict on real Glance, failing cases were not shrunk (shrinks: 0, tags of ~250
// characters) and the recorded curl named another tag than the summary. The coverage cases are plain data
// fast-check can shrink, and the curl is the request of the first failed check.
describe("--strict counterexamples", () => {
  it("shrink, and the curl names the tag the counterexample fails on", async () => {
    const strict = withoutFlags(await profile("openstack-glance"));
    const mutant = findMutant("flagged-tag-500");
    if (mutant === undefined) throw new Error("no flagged-tag-500 mutant");
    const run = await runAgainstReference(
      strict,
      { ...defaultRunSettings, seed: 3, only: ["204-prop-delete-present"] },
      mutant.apply(defaultBehaviour),
      "strict-shrink",
    );
    const result = run.results.find((r) => r.scenario.id === "204-prop-delete-present");
    expect(result?.outcome).toBe("fail");
    const p = result?.property;
    expect(p?.shrinks).toBeGreaterThan(0);
    const curl = p?.curl ?? "";
    const encoded = /\/tags\/([^'\s]+)'?$/.exec(curl)?.[1] ?? "";
    const tag = decodeURIComponent(encoded);
    // The failing request's tag: non-ASCII (what the mutant answers 500 to), short once shrunk, and the one
    // the counterexample names.
    expect(Array.from(tag).some((c) => (c.codePointAt(0) ?? 0) > 0x7f)).toBe(true);
    expect(Array.from(tag).length).toBeLessThanOrEqual(16);
    expect(p?.counterexample).toContain(JSON.stringify(tag));
  }, 60_000);
});
