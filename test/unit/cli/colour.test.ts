import { colourEnabled, paintOutcome } from "../../../src/cli/colour";
import { Progress } from "../../../src/cli/Progress";
import { summary } from "../../../src/cli/summary";
import type { ScenarioResult } from "../../../src/engine/RunResult";
import { allScenarios } from "../../../suites";
import { exampleReport } from "../../support/reports";

/** ECMA-48 CSI, which starts every colour code. */
const csi = "\x1b[";
const lines = (text: string): string[] => text.split("\n");
const stripped = (text: string): string =>
  text
    .split(csi)
    .map((part, i) => (i === 0 ? part : part.replace(/^\d+m/, "")))
    .join("");

/** A stream that records what is written; a terminal or not. */
function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = "";
  const stream = {
    isTTY,
    write: (chunk: string) => {
      text += chunk;
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

function scenarioEnd(outcome: "pass" | "fail"): Parameters<Progress["handle"]>[0] {
  const scenario = allScenarios.find((s) => s.tier === "core");
  if (scenario === undefined) throw new Error("no core scenario");
  const result = {
    scenario,
    outcome,
    observed: "",
    checks: [],
    breaches: [],
    exchanges: [],
    startedMs: 0,
    durationMs: 1,
    requests: 0,
    ...(outcome === "fail" ? { reason: "why" } : {}),
  } as ScenarioResult;
  return { type: "scenario-end", index: 0, total: 1, result };
}

describe("colour", () => {
  it("only on a terminal; NO_COLOR (any non-empty value) turns it off; FORCE_COLOR as Node reads it", () => {
    const tty = { isTTY: true };
    const pipe = { isTTY: false };
    expect(colourEnabled(tty, {})).toBe(true);
    expect(colourEnabled(pipe, {})).toBe(false);
    expect(colourEnabled({}, {})).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: "1" })).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: "0" })).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: "" })).toBe(true);
    expect(colourEnabled(tty, { TERM: "dumb" })).toBe(false);
    expect(colourEnabled(pipe, { FORCE_COLOR: "1" })).toBe(true);
    expect(colourEnabled(tty, { FORCE_COLOR: "0" })).toBe(false);
    expect(colourEnabled(pipe, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(false);
  });

  it("paints the outcome words and keeps the column width", () => {
    expect(paintOutcome("PASS", true)).toBe("\x1b[32mPASS\x1b[39m");
    expect(paintOutcome("FAIL", true)).toBe("\x1b[31mFAIL\x1b[39m");
    expect(paintOutcome("FLAGGED", true)).toBe("\x1b[33mFLAGGED\x1b[39m");
    expect(paintOutcome("FINDING", true)).toBe("\x1b[33mFINDING\x1b[39m");
    expect(paintOutcome("SKIP", true)).toBe("\x1b[2mSKIP\x1b[22m");
    expect(paintOutcome("NOT EXERCISED", true, 15)).toBe("\x1b[2mNOT EXERCISED\x1b[22m  ");
    expect(paintOutcome("PASS", false, 13)).toBe("PASS         ");
    expect(paintOutcome("something else", true)).toBe("something else");
  });

  describe("Progress", () => {
    const saved = { noColor: process.env["NO_COLOR"], forceColor: process.env["FORCE_COLOR"] };
    beforeEach(() => {
      delete process.env["NO_COLOR"];
      delete process.env["FORCE_COLOR"];
    });
    afterAll(() => {
      delete process.env["NO_COLOR"];
      delete process.env["FORCE_COLOR"];
      if (saved.noColor !== undefined) process.env["NO_COLOR"] = saved.noColor;
      if (saved.forceColor !== undefined) process.env["FORCE_COLOR"] = saved.forceColor;
    });

    it("a terminal sees coloured outcome words", () => {
      const { stream, text } = fakeStream(true);
      const p = new Progress("plain", undefined, stream);
      p.handle(scenarioEnd("pass"));
      p.handle(scenarioEnd("fail"));
      const [pass, fail] = lines(text());
      expect(pass?.startsWith(`[1/1] ${csi}32mPASS${csi}39m `)).toBe(true);
      expect(fail?.startsWith(`[1/1] ${csi}31mFAIL${csi}39m `)).toBe(true);
      expect(fail?.endsWith(": why")).toBe(true);
    });

    it("a terminal with NO_COLOR=1 does not", () => {
      process.env["NO_COLOR"] = "1";
      const { stream, text } = fakeStream(true);
      new Progress("plain", undefined, stream).handle(scenarioEnd("fail"));
      expect(text()).toMatch(/^\[1\/1\] FAIL /m);
      expect(text()).not.toContain(csi);
    });

    it("a pipe does not", () => {
      const { stream, text } = fakeStream(false);
      new Progress("plain", undefined, stream).handle(scenarioEnd("pass"));
      expect(text()).toMatch(/^\[1\/1\] PASS /m);
      expect(text()).not.toContain(csi);
    });
  });

  it("summary: coloured rows when asked, plain otherwise", async () => {
    const report = await exampleReport({ mutant: "status-200" });
    const coloured = summary(report, undefined, true);
    expect(lines(coloured)).toContainEqual(
      expect.stringContaining(`  204  ${csi}31mFAIL${csi}39m           `),
    );
    expect(lines(coloured)).toContainEqual(
      expect.stringContaining(`  400  ${csi}32mPASS${csi}39m           `),
    );
    const plain = summary(report, undefined, false);
    expect(plain).not.toContain(csi);
    // Same text once the codes are gone: colour changes nothing else.
    expect(stripped(coloured)).toBe(plain);
  });
});
