import { didYouMean } from "../../../src/cli/didYouMean";
import { runOptions } from "../../../src/cli/runOptions";

const runs = Object.keys(runOptions).map((o) => `--${o}`);

describe("didYouMean", () => {
  it.each([
    ["--os-clod", "--os-cloud"],
    ["--timout", "--timeout"],
    ["--alt_token", "--alt-token"],
    ["--os-projct-name", "--os-project-name"],
    ["--stric", "--strict"],
    ["--kye", undefined], // no such option of run (verify-report's --key is not among these)
  ])("%s: %s", (typed, expected) => {
    expect(didYouMean(typed, runs)).toBe(expected);
  });

  it("a swap of two letters is a typo; a word sharing little with any is not", () => {
    expect(didYouMean("--kye", ["--key", "--help"])).toBe("--key");
    expect(didYouMean("--bogus", runs)).toBeUndefined();
    expect(didYouMean("--verbose", runs)).toBeUndefined();
  });

  it("never suggests for a word every letter of which would change (--ab is not --har)", () => {
    expect(didYouMean("--ab", runs)).toBeUndefined();
  });

  it("the closest wins, the first of equals", () => {
    expect(didYouMean("--rate", runs)).toBe("--rate");
    expect(didYouMean("rn", ["run", "verify-report"])).toBe("run");
    expect(didYouMean("verify-reprot", ["verify-contracts", "verify-report"])).toBe("verify-report");
  });
});
