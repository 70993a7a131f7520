import { ExitCode, exitCodeOf } from "../../../src/cli/exitCodes";
import type { RunResult } from "../../../src/engine/RunResult";
import type { Verdict } from "../../../src/engine/verdict";

// Hand-made runs: exitCodeOf reads only how the run ended and what it left behind.
const run = (aborted?: RunResult["aborted"], leftBehind = 0, unverified = 0): RunResult =>
  ({
    aborted,
    cleanup: {
      created: 1,
      deleted: 1 - leftBehind,
      foundByName: 0,
      leftBehind: Array.from({ length: leftBehind }, (_, i) => ({ imageId: `i${String(i)}`, why: "500" })),
      unverified: Array.from({ length: unverified }, (_, i) => ({ name: `n${String(i)}`, why: "500" })),
    },
  }) as unknown as RunResult;

describe("exitCodeOf", () => {
  it.each<[string, RunResult, Verdict, number]>([
    ["conformant", run(), "conformant", ExitCode.conformant],
    ["non-conformant", run(), "non-conformant", ExitCode.nonConformant],
    ["incomplete", run(), "incomplete", ExitCode.incomplete],
    ["cut short by Ctrl-C", run({ kind: "user", message: "" }), "incomplete", ExitCode.aborted],
    ["images left behind", run(undefined, 1), "incomplete", ExitCode.aborted],
    ["names whose listing failed", run(undefined, 0, 1), "conformant", ExitCode.aborted],
    [
      "a token the target rejects",
      run({ kind: "token-rejected", message: "" }),
      "incomplete",
      ExitCode.usage,
    ],
    // A failure the target showed wins over how the run then ended, a TLS failure mid-run included.
    [
      "a failure, then TLS failed",
      run({ kind: "tls", message: "" }),
      "non-conformant",
      ExitCode.nonConformant,
    ],
    ["a failure, then unreachable", run({ kind: "unreachable", message: "" }), "non-conformant", 1],
  ])("%s", (_what, r, verdict, code) => {
    expect(exitCodeOf(r, verdict)).toBe(code);
  });
});
